import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { Check } from '../checks/check.types';
import type { Report } from '../entities/report.entity';
import { peerChecksOf } from '../services/plausibility-peer.service';

/**
 * The peer plausibility checks of a page's reports: their watched cells
 * against each report's peer group, in one statement per page. Computed per
 * request, never cached with the analysis: they change whenever a peer changes.
 */
export function createPeerCheckLoader(db: EntityManager): DataLoader<Report, Check[], number> {
  return new DataLoader<Report, Check[], number>(
    async (reports) => {
      const byReport = await peerChecksOf(db, reports.map((report) => report.id));
      return reports.map((report) => byReport.get(report.id)!);
    },
    { cacheKeyFn: (report) => report.id },
  );
}
