import { lookupOf, type ReportFacts } from '../checks/report-facts';
import type { CellFact } from '../checks/report-facts';
import type { Report } from '../entities/report.entity';

/** A report as checks read it: stored rows, or a parse not stored yet. */
export interface StoredReport {
  report: Pick<Report, 'year' | 'generation'>;
  cells: (CellFact & { table: string; row: string; column: string })[];
  sections: { code: string; text: string }[];
}

/** What checks and figures read of a stored report and the same agency's previous-year report. */
export function buildReportFacts(current: StoredReport, previous?: Pick<StoredReport, 'report' | 'cells'>): ReportFacts {
  return {
    year: current.report.year,
    generation: current.report.generation,
    cell: lookupOf(current.cells),
    sections: current.sections.map((s) => ({ code: s.code, text: s.text })),
    previous: previous ? { year: previous.report.year, cell: lookupOf(previous.cells) } : undefined,
  };
}
