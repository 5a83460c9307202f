import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Report } from '../entities/report.entity';
import { badUserInput } from '../errors/bad-user-input';
import { IngestError } from '../ingest/ingest-error';
import { ingestReport } from '../ingest/ingest-report';
import { IngestReportInput, IngestReportResult } from '../schema/mutation.inputs';
import type { GatewayContext } from '../server/context';
import { removeReport } from '../services/current-version.service';
import { parseId } from '../services/report-filter';

@Resolver()
export class ReportMutationResolver {
  @Mutation(() => IngestReportResult, {
    description: 'Store a report as a new version (needs an admin key). The same content again changes nothing; a reading with fewer cells or parts than the current one is kept, not made current, unless makeCurrent',
  })
  async ingestReport(@Ctx() { dataSource, authorize }: GatewayContext, @Arg('input', () => IngestReportInput) input: IngestReportInput): Promise<IngestReportResult> {
    const actor = authorize('ingestReport');
    try {
      const result = await ingestReport(dataSource, { bytes: Buffer.from(input.text, 'utf8'), fileName: input.fileName, agencyName: input.agencyName, year: input.year, actor, makeCurrent: input.makeCurrent });
      return { outcome: result.outcome, report: result.stored, warnings: result.report.warnings, version: result.version, reason: result.reason, conflicts: result.conflicts, batchId: result.batchId };
    } catch (error) {
      if (error instanceof IngestError) throw badUserInput(`${input.fileName ?? 'input.text'}: ${error.message}`, 'input');
      throw error;
    }
  }

  @Mutation(() => Boolean, { description: 'Delete a report with its sections and cells, its versions kept in the history (needs an admin key); false when there was none' })
  async deleteReport(@Ctx() { dataSource, authorize }: GatewayContext, @Arg('id', () => ID) id: string): Promise<boolean> {
    authorize('deleteReport');
    const reportId = parseId(id, 'id');
    return dataSource.transaction(async (manager) => {
      const report = await manager.findOneBy(Report, { id: reportId });
      if (!report) return false;
      await removeReport(manager, report);
      return true;
    });
  }
}
