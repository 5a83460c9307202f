import { computeFigure, figureInputOf } from '../figures/compute-figures';
import { NARRATIVE_SECTION_CODES, NARRATIVE_STATEMENTS, type NarrativeStatement } from '../template/narrative.template';
import type { Check } from './check.types';
import { describeUnread, numberAt, type ReportFacts } from './report-facts';

export interface StatedFigure {
  name: NarrativeStatement['name'];
  value: number;
  /** The number as printed, for the precision of a percentage. */
  printed: string;
  /** The words that state it. */
  quote: string;
}

/** The figures the narrative parts state, first statement of each. */
export function statedFigures(sections: ReportFacts['sections']): StatedFigure[] {
  const text = sections
    .filter((s) => NARRATIVE_SECTION_CODES.includes(s.code))
    .map((s) => s.text)
    .join('\n')
    .normalize('NFKC')
    // Line breaks go too: a PDF wraps a sentence wherever the line ends.
    .replace(/[\s\u3000]+/g, '');
  return NARRATIVE_STATEMENTS.flatMap((statement) => {
    for (const pattern of statement.patterns) {
      const match = pattern.exec(text);
      if (match) return [{ name: statement.name, value: Number(match[1]) / (statement.percentOf ? 100 : 1), printed: match[1]!, quote: match[0] }];
    }
    for (const pattern of statement.zeroPatterns ?? []) {
      const match = pattern.exec(text);
      if (match) return [{ name: statement.name, value: 0, printed: '0', quote: match[0] }];
    }
    return [];
  });
}

/** Check 7: each figure the text states agrees with the table (expected: the table; actual: the text). */
export function narrativeChecks(facts: ReportFacts): Check[] {
  return statedFigures(facts.sections).map((stated) => {
    const statement = NARRATIVE_STATEMENTS.find((s) => s.name === stated.name)!;
    const base = { id: `narrative/${stated.name}`, rule: 'narrative', severity: 'ERROR' as const, actual: stated.value };
    if (statement.percentOf) {
      const figure = computeFigure(statement.percentOf, figureInputOf(facts));
      const cells = ['t3/resultsTotal/total', 't3/new/total', 't3/carriedOver/total'];
      if (figure.value === null) return { ...base, cells, status: 'NOT_ASSESSABLE', expected: null, message: `the text says "${stated.quote}"; ${figure.reason}` };
      const pass = Math.abs(figure.value - stated.value) <= roundingOf(stated.printed) + 1e-12;
      return { ...base, cells, status: pass ? 'PASS' : 'FAIL', expected: figure.value, message: `the text says "${stated.quote}", the table gives ${(figure.value * 100).toFixed(2)}%` };
    }
    const cells = statement.cells!;
    const unread = cells.filter((a) => numberAt(facts.cell, a) === undefined);
    if (unread.length > 0) {
      return { ...base, cells, status: 'NOT_ASSESSABLE', expected: null, message: `the text says "${stated.quote}"; ${unread.map((a) => describeUnread(facts.cell, a)).join(', ')}` };
    }
    const expected = cells.reduce((acc, a) => acc + numberAt(facts.cell, a)!, 0);
    return {
      ...base,
      cells,
      status: expected === stated.value ? 'PASS' : 'FAIL',
      expected,
      message: `the text says "${stated.quote}", the table says ${expected}`,
    };
  });
}

/** Half a unit of the last printed digit of a percentage, as a fraction: 83.3% agrees with 0.8333. */
function roundingOf(printedPercent: string): number {
  const decimals = printedPercent.split('.')[1]?.length ?? 0;
  return (0.5 * 10 ** -decimals) / 100;
}
