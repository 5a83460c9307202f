import type { EntityManager } from 'typeorm';
import { countFailing, runChecks } from '../checks/run-checks';
import { Report } from '../entities/report.entity';
import { Section } from '../entities/section.entity';
import { TableCell } from '../entities/table-cell.entity';
import { buildReportFacts } from './report-facts';

/**
 * Recounts the failing checks of an agency's reports for the given years, so
 * that reports can be filtered by them in SQL. Called inside the store
 * transaction for the stored year and the next (whose cross-year checks read it).
 */
export async function refreshFailingChecks(manager: EntityManager, agencyId: number, years: number[]): Promise<void> {
  for (const year of years) {
    const report = await manager.findOne(Report, { where: { agencyId, year } });
    if (!report) continue;
    // One after another: a transaction is one connection, which runs one statement at a time.
    const cells = await manager.find(TableCell, { where: { reportId: report.id } });
    const sections = await manager.find(Section, { where: { reportId: report.id } });
    const previous = await manager.findOne(Report, { where: { agencyId, year: year - 1 } });
    const previousCells = previous ? await manager.find(TableCell, { where: { reportId: previous.id } }) : [];
    const facts = buildReportFacts({ report, cells, sections }, previous ? { report: previous, cells: previousCells } : undefined);
    const failingChecks = countFailing(runChecks(facts, cells.length > 0));
    if (failingChecks !== report.failingChecks) await manager.update(Report, { id: report.id }, { failingChecks });
  }
}
