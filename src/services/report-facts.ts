import { lookupOf, type ReportFacts } from '../checks/report-facts';
import type { Report } from '../entities/report.entity';
import type { Section } from '../entities/section.entity';
import type { TableCell } from '../entities/table-cell.entity';

export interface StoredReport {
  report: Pick<Report, 'year' | 'generation'>;
  cells: TableCell[];
  sections: Pick<Section, 'code' | 'text'>[];
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
