import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { Check } from '../checks/check.types';
import { peerChecks, type PeerCellStatistics } from '../checks/plausibility-peer.checks';
import { lookupOf } from '../checks/report-facts';
import type { Report } from '../entities/report.entity';
import type { TableCell } from '../entities/table-cell.entity';
import { peerStatistics, PLAUSIBILITY_PEERS } from '../services/plausibility-peer.service';

/**
 * The peer plausibility checks of a page's reports: their watched cells'
 * statistics over each report's peer group in one statement per page, judged
 * against the report's own cells. Computed per request, never cached with the
 * analysis: they change whenever any peer changes.
 */
export function createPeerCheckLoader(db: EntityManager, cells: DataLoader<number, TableCell[]>): DataLoader<Report, Check[], number> {
  const statistics = new DataLoader<number, PeerCellStatistics[]>(async (reportIds) => {
    const byReport = await peerStatistics(db, reportIds);
    return reportIds.map((id) => byReport.get(id)!);
  });
  return new DataLoader<Report, Check[], number>(
    async (reports) =>
      Promise.all(
        reports.map(async (report) => {
          const [own, stats] = await Promise.all([cells.load(report.id), statistics.load(report.id)]);
          return peerChecks(lookupOf(own), stats, PLAUSIBILITY_PEERS);
        }),
      ),
    { cacheKeyFn: (report) => report.id },
  );
}
