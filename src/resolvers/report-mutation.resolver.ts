import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Report } from '../entities/report.entity';
import { badUserInput } from '../errors/bad-user-input';
import { IngestError } from '../ingest/ingest-error';
import { ingestReport } from '../ingest/ingest-report';
import { IngestReportInput, IngestReportResult } from '../schema/mutation.inputs';
import type { GatewayContext } from '../server/context';
import { bumpDataVersion } from '../services/data-version.service';
import { parseId } from '../services/report-filter';

@Resolver()
export class ReportMutationResolver {
  @Mutation(() => IngestReportResult, { description: 'Store a report (needs an API key); the same content again changes nothing' })
  async ingestReport(@Ctx() { dataSource, requireApiKey }: GatewayContext, @Arg('input', () => IngestReportInput) input: IngestReportInput): Promise<IngestReportResult> {
    requireApiKey();
    try {
      const result = await ingestReport(dataSource, { bytes: Buffer.from(input.text, 'utf8'), fileName: input.fileName, agencyName: input.agencyName, year: input.year });
      return { outcome: result.outcome, report: result.stored, warnings: result.report.warnings };
    } catch (error) {
      if (error instanceof IngestError) throw badUserInput(`${input.fileName ?? 'input.text'}: ${error.message}`, 'input');
      throw error;
    }
  }

  @Mutation(() => Boolean, { description: 'Delete a report with its sections and cells (needs an API key); false when there was none' })
  async deleteReport(@Ctx() { dataSource, requireApiKey }: GatewayContext, @Arg('id', () => ID) id: string): Promise<boolean> {
    requireApiKey();
    return dataSource.transaction(async (manager) => {
      const result = await manager.delete(Report, { id: parseId(id, 'id') });
      if (!result.affected) return false;
      await bumpDataVersion(manager);
      return true;
    });
  }
}
