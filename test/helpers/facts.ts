import { lookupOf, type ReportFacts } from '../../src/checks/report-facts';
import { parseReport } from '../../src/ingest/parse-report';
import type { ParsedSection } from '../../src/ingest/parsed-report.types';

function flatten(sections: ParsedSection[]): { code: string; text: string }[] {
  return sections.flatMap((s) => [{ code: s.code, text: s.text }, ...flatten(s.children)]);
}

/** What checks and figures read of a report text, without a database. */
export function factsOf(text: string, previousText?: string): ReportFacts {
  const report = parseReport(text);
  const previous = previousText === undefined ? undefined : parseReport(previousText);
  return {
    year: report.year,
    generation: report.generation,
    cell: lookupOf(report.cells),
    sections: flatten(report.sections),
    previous: previous && { year: previous.year, cell: lookupOf(previous.cells) },
  };
}
