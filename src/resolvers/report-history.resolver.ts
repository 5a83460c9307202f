import { Arg, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { Report } from '../entities/report.entity';
import { ReportVersion } from '../entities/report-version.entity';
import { badUserInput } from '../errors/bad-user-input';
import { CellChange } from '../schema/history.types';
import type { GatewayContext } from '../server/context';
import { parseId } from '../services/report-filter';
import { diffContents, tableCellOf } from '../services/version-reading';

@Resolver(() => Report)
export class ReportHistoryResolver {
  @FieldResolver(() => ReportVersion, { description: 'The version every read of this report uses' })
  async version(@Root() report: Report, @Ctx() { loaders }: GatewayContext): Promise<ReportVersion> {
    return (await loaders.versions.load(`${report.agencyId}:${report.year}`)).find((v) => v.id === report.currentVersionId)!;
  }

  @FieldResolver(() => [ReportVersion], { description: 'Every stored reading and correction of this agency\'s report for the year, newest first' })
  versions(@Root() report: Report, @Ctx() { loaders }: GatewayContext): Promise<ReportVersion[]> {
    return loaders.versions.load(`${report.agencyId}:${report.year}`);
  }

  @FieldResolver(() => [CellChange], { description: 'The cells whose value or status differ from version `from` to version `to`' })
  async diff(@Root() report: Report, @Ctx() { loaders }: GatewayContext, @Arg('from', () => ID) from: string, @Arg('to', () => ID) to: string): Promise<CellChange[]> {
    const versions = await loaders.versions.load(`${report.agencyId}:${report.year}`);
    const find = (id: string, name: string) => {
      const version = versions.find((v) => v.id === parseId(id, `diff(${name})`));
      if (!version) throw badUserInput(`diff(${name}): report ${report.id} has no version ${id}`, name);
      return version;
    };
    const [before, after] = [find(from, 'from'), find(to, 'to')];
    return diffContents(before.content, after.content).map((change) => ({
      address: change.address,
      before: change.before && tableCellOf(change.before, report.id),
      after: change.after && tableCellOf(change.after, report.id),
    }));
  }
}
