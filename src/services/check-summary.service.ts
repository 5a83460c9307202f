import type { EntityManager } from 'typeorm';
import type { CellFact } from '../checks/report-facts';
import { countFailing, runChecks } from '../checks/run-checks';
import { Report } from '../entities/report.entity';
import { Section } from '../entities/section.entity';
import { TableCell } from '../entities/table-cell.entity';
import { buildReportFacts, type StoredReport } from './report-facts';

/**
 * Recounts a stored report's failing checks against a new previous-year
 * report (its cross-year checks read that one), so that reports can be
 * filtered by them in SQL. Called inside the transaction that stores the previous year.
 */
export async function recountFailingChecks(manager: EntityManager, report: Report, previous: Pick<StoredReport, 'report'> & { cells: (CellFact & { table: string; row: string; column: string })[] }): Promise<void> {
  // One after another: a transaction is one connection, which runs one statement at a time.
  const cells = await manager.find(TableCell, { where: { reportId: report.id } });
  const sections = await manager.find(Section, { where: { reportId: report.id } });
  const failingChecks = countFailing(runChecks(buildReportFacts({ report, cells, sections }, previous), cells.length > 0));
  if (failingChecks !== report.failingChecks) await manager.update(Report, { id: report.id }, { failingChecks });
}
