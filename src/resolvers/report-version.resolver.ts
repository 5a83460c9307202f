import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { ReportVersion } from '../entities/report-version.entity';
import { TableCell } from '../entities/table-cell.entity';
import type { GatewayContext } from '../server/context';
import { parseId } from '../services/report-filter';
import { tableCellOf } from '../services/version-reading';

@Resolver(() => ReportVersion)
export class ReportVersionResolver {
  @Query(() => ReportVersion, { nullable: true, description: 'Any version of any report, current or not' })
  reportVersion(@Ctx() { db }: GatewayContext, @Arg('id', () => ID) id: string): Promise<ReportVersion | null> {
    return db.getRepository(ReportVersion).findOneBy({ id: parseId(id, 'reportVersion(id)') });
  }

  @FieldResolver(() => [TableCell], { description: 'The cells as this version holds them, in template order' })
  async cells(@Root() version: ReportVersion, @Ctx() { loaders }: GatewayContext, @Arg('table', { nullable: true, description: 't2, t3 or t4' }) table?: string): Promise<TableCell[]> {
    const report = await loaders.reportByAgencyYear.load(`${version.agencyId}:${version.year}`);
    return version.content.cells.filter((cell) => !table || cell.table === table).map((cell) => tableCellOf(cell, report?.id ?? 0));
  }

  @FieldResolver(() => Boolean, { description: 'This version is the one reads use' })
  async current(@Root() version: ReportVersion, @Ctx() { loaders }: GatewayContext): Promise<boolean> {
    return (await loaders.reportByAgencyYear.load(`${version.agencyId}:${version.year}`))?.currentVersionId === version.id;
  }
}
