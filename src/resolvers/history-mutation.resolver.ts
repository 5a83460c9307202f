import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { CheckReview } from '../entities/check-review.entity';
import type { ReviewVerdict } from '../entities/history.types';
import { IngestBatch } from '../entities/ingest-batch.entity';
import { Report } from '../entities/report.entity';
import { ReviewVerdictEnum } from '../schema/enums';
import { CellCorrectionInput, CorrectionResult } from '../schema/history.types';
import type { GatewayContext } from '../server/context';
import { correctCells } from '../services/cell-correction.service';
import { reviewCheck } from '../services/check-review.service';
import { parseId } from '../services/report-filter';
import { activateVersion, rollbackBatch } from '../services/version-activation.service';

@Resolver()
export class HistoryMutationResolver {
  @Mutation(() => CorrectionResult, { description: 'Set cells by hand, with the reason: a CORRECTED version becomes current (needs an editor or admin key)' })
  async correctCells(
    @Ctx() { dataSource, authorize }: GatewayContext,
    @Arg('reportId', () => ID) reportId: string,
    @Arg('reason') reason: string,
    @Arg('cells', () => [CellCorrectionInput]) cells: CellCorrectionInput[],
  ): Promise<CorrectionResult> {
    const actor = authorize('correctCells');
    return correctCells(dataSource, { reportId: parseId(reportId, 'reportId'), reason, cells, actor });
  }

  @Mutation(() => CheckReview, { description: 'Record a verdict on a failing check (needs an editor or admin key)' })
  async reviewCheck(
    @Ctx() { dataSource, authorize }: GatewayContext,
    @Arg('reportId', () => ID) reportId: string,
    @Arg('checkId') checkId: string,
    @Arg('verdict', () => ReviewVerdictEnum) verdict: ReviewVerdict,
    @Arg('note') note: string,
  ): Promise<CheckReview> {
    const actor = authorize('reviewCheck');
    return reviewCheck(dataSource, { reportId: parseId(reportId, 'reportId'), checkId, verdict, note, actor });
  }

  @Mutation(() => Report, { description: 'Make another version of the report current, with the reason (needs an admin key); recorded as a batch' })
  async activateVersion(
    @Ctx() { dataSource, authorize }: GatewayContext,
    @Arg('reportId', () => ID) reportId: string,
    @Arg('versionId', () => ID) versionId: string,
    @Arg('reason') reason: string,
  ): Promise<Report> {
    const actor = authorize('activateVersion');
    return activateVersion(dataSource, { reportId: parseId(reportId, 'reportId'), versionId: parseId(versionId, 'versionId'), reason, actor });
  }

  @Mutation(() => IngestBatch, { description: 'Make current again what was current before the batch, for every report it changed (needs an admin key); its versions stay in the history' })
  async rollbackBatch(@Ctx() { dataSource, authorize }: GatewayContext, @Arg('id', () => ID) id: string): Promise<IngestBatch> {
    const actor = authorize('rollbackBatch');
    return rollbackBatch(dataSource, parseId(id, 'id'), actor);
  }
}
