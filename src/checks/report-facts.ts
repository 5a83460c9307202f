import type { CellStatus } from '../ingest/parsed-report.types';
import type { Generation } from '../template/template.types';

/** What a check or figure reads of one cell. */
export interface CellFact {
  value: number | null;
  status: CellStatus;
}

export type CellLookup = (address: string) => CellFact | undefined;

/** A cell's number, or undefined when it is BLANK, NA, MISSING or absent: never a silent 0. */
export function numberAt(lookup: CellLookup, address: string): number | undefined {
  const cell = lookup(address);
  return cell && (cell.status === 'NUMBER' || cell.status === 'ZERO') && cell.value !== null ? cell.value : undefined;
}

export function describeUnread(lookup: CellLookup, address: string): string {
  return `${address} is ${lookup(address)?.status ?? 'MISSING'}`;
}

/** Everything the within-report and cross-year checks read of a report. */
export interface ReportFacts {
  year: number;
  generation: Generation;
  cell: CellLookup;
  /** Part and sub-part codes (1–6, 1.1–1.5) with their text. */
  sections: { code: string; text: string }[];
  /** The same agency's report for year − 1, when stored. */
  previous?: { year: number; cell: CellLookup };
}

export function lookupOf(cells: Iterable<{ table: string; row: string; column: string; value: number | null; status: CellStatus }>): CellLookup {
  const map = new Map<string, CellFact>();
  for (const cell of cells) map.set(`${cell.table}/${cell.row}/${cell.column}`, cell);
  return (address) => map.get(address);
}
