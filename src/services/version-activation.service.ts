import { In, type DataSource } from 'typeorm';
import { IngestBatchItem } from '../entities/ingest-batch-item.entity';
import { IngestBatch } from '../entities/ingest-batch.entity';
import { Report } from '../entities/report.entity';
import { ReportVersion } from '../entities/report-version.entity';
import { badUserInput } from '../errors/bad-user-input';
import { makeCurrent, removeReport } from './current-version.service';
import { singleItemBatch } from './ingest-batch.service';
import { currentOf, reportForChange, requiredReason } from './report-history.service';

export interface ActivationRequest {
  reportId: number;
  versionId: number;
  reason: string;
  actor: string;
}

/** Makes an earlier (or kept) version of the report current again; recorded as a batch of its own, so it can be rolled back. */
export async function activateVersion(dataSource: DataSource, request: ActivationRequest): Promise<Report> {
  const reason = requiredReason(request.reason, 'activateVersion(reason)');
  return dataSource.transaction(async (manager) => {
    const { report, current } = await currentOf(manager, request.reportId, 'activateVersion(reportId)');
    const version = await manager.findOneBy(ReportVersion, { id: request.versionId });
    if (!version || version.agencyId !== report.agencyId || version.year !== report.year) {
      throw badUserInput(`activateVersion(versionId): report ${report.id} has no version ${request.versionId}`, 'versionId');
    }
    if (version.id === current.id) throw badUserInput(`activateVersion(versionId): version ${version.id} is already current`, 'versionId');
    const activated = await makeCurrent(manager, version);
    const where = { agencyId: report.agencyId, year: report.year };
    await singleItemBatch(
      manager,
      { kind: 'ACTIVATE', source: `report ${report.id}`, actor: request.actor, reason },
      { path: `report ${report.id}`, outcome: 'activated', reason, ...where, versionId: version.id, previousVersionId: current.id },
    );
    return activated;
  });
}

/** The outcomes that changed which version was current. */
const CHANGED_CURRENT = ['stored', 'replaced', 'activated'] as const;

/**
 * Makes current again, for every report a batch changed, what was current
 * before it (a report the batch created is removed); the batch's versions
 * stay in the history. Refused while any of those reports has changed since
 * (that change would be lost without a word). One transaction; a batch is rolled back once.
 */
export async function rollbackBatch(dataSource: DataSource, batchId: number, actor: string): Promise<IngestBatch> {
  return dataSource.transaction(async (manager) => {
    const batch = await manager.findOneBy(IngestBatch, { id: batchId });
    if (!batch) throw badUserInput(`rollbackBatch(id): there is no batch ${batchId}`, 'id');
    if (batch.rolledBackAt) throw badUserInput(`rollbackBatch(id): batch ${batchId} was rolled back at ${batch.rolledBackAt}${batch.rolledBackBy ? ` by ${batch.rolledBackBy}` : ''}`, 'id');
    const items = await manager.find(IngestBatchItem, { where: { batchId, outcome: In([...CHANGED_CURRENT]) }, order: { id: 'ASC' } });
    // Per report: the batch's first item says what was current before it, its last what the batch left current.
    const reports = new Map<string, { first: IngestBatchItem; last: IngestBatchItem; report: Report | null }>();
    for (const item of items) {
      const key = `${item.agencyId}:${item.year}`;
      const seen = reports.get(key);
      if (seen) seen.last = item;
      else reports.set(key, { first: item, last: item, report: await reportForChange(manager, { agencyId: item.agencyId!, year: item.year! }) });
    }
    const changedSince = [...reports.values()].filter(({ last, report }) => (report?.currentVersionId ?? null) !== last.versionId);
    if (changedSince.length > 0) {
      const which = changedSince.slice(0, 5).map(({ last, report }) => (report ? `report ${report.id} is at version ${report.currentVersionId}, the batch left version ${last.versionId}` : `the report of version ${last.versionId} was deleted`));
      throw badUserInput(
        `rollbackBatch(id): ${changedSince.length} report(s) changed after batch ${batchId}, and rolling it back would discard that (${which.join('; ')}); undo the later changes first, or use activateVersion`,
        'id',
      );
    }
    for (const { first, report } of reports.values()) {
      if (first.previousVersionId === null) await removeReport(manager, report!);
      else if (report!.currentVersionId !== first.previousVersionId) await makeCurrent(manager, await manager.findOneByOrFail(ReportVersion, { id: first.previousVersionId }));
    }
    await manager.update(IngestBatch, { id: batchId }, { rolledBackAt: new Date().toISOString(), rolledBackBy: actor });
    return manager.findOneByOrFail(IngestBatch, { id: batchId });
  });
}
