import type { EntityManager } from 'typeorm';
import type { Check } from '../checks/check.types';
import { countFailing, countWarnings, runChecks } from '../checks/run-checks';
import { Report } from '../entities/report.entity';
import { Section } from '../entities/section.entity';
import { TableCell } from '../entities/table-cell.entity';
import { countUnreviewed, reviewsOf } from './check-review';
import { buildReportFacts, type StoredReport } from './report-facts';

/**
 * Recounts a stored report's failing (and unreviewed failing) checks and its
 * plausibility warnings (a jump reads the previous year too), against
 * a new previous-year report (its cross-year checks read that one; undefined
 * when there is none now) or after a review, so that reports can be filtered
 * by them in SQL. Called inside the transaction that made the change.
 */
export async function recountFailingChecks(manager: EntityManager, report: Report, previous: Pick<StoredReport, 'report' | 'cells'> | undefined | 'stored'): Promise<void> {
  const checks = await checksOfStored(manager, report, previous);
  const counts = { failingChecks: countFailing(checks), warningChecks: countWarnings(checks), unreviewedFailures: countUnreviewed(checks, await reviewsOf(manager, report.agencyId, report.year)) };
  if (counts.failingChecks !== report.failingChecks || counts.warningChecks !== report.warningChecks || counts.unreviewedFailures !== report.unreviewedFailures) {
    await manager.update(Report, { id: report.id }, counts);
  }
}

async function storedPrevious(manager: EntityManager, report: Report): Promise<StoredReport | undefined> {
  const previous = await manager.findOneBy(Report, { agencyId: report.agencyId, year: report.year - 1 });
  return previous ? { report: previous, cells: await manager.find(TableCell, { where: { reportId: previous.id } }), sections: [] } : undefined;
}

/** The checks of a stored report, against its stored previous year unless another is given. */
export async function checksOfStored(manager: EntityManager, report: Report, previous: Pick<StoredReport, 'report' | 'cells'> | undefined | 'stored' = 'stored'): Promise<Check[]> {
  // One after another: a transaction is one connection, which runs one statement at a time.
  const cells = await manager.find(TableCell, { where: { reportId: report.id } });
  const sections = await manager.find(Section, { where: { reportId: report.id } });
  const prior = previous === 'stored' ? await storedPrevious(manager, report) : previous;
  return runChecks(buildReportFacts({ report, cells, sections }, prior), cells.length > 0);
}
