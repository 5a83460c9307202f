import { readCellValue } from './cell-value';
import type { ParsedCell, TextPlace } from './parsed-report.types';

/** A cell read from `raw`, printed at `offset` in its line (pages and boxes come after parsing: attach-pdf-places.ts). */
export function readCell(table: string, row: string, column: string, raw: string, line: number, offset?: number): ParsedCell {
  const read = readCellValue(raw) ?? { value: null, status: 'MISSING' as const };
  return { table, row, column, value: read.value, raw: raw.trim(), status: read.status, inferred: false, rule: null, line, page: null, box: null, offset };
}

export function missingCell(table: string, row: string, column: string): ParsedCell {
  return { table, row, column, value: null, raw: null, status: 'MISSING', inferred: false, rule: null, line: null, page: null, box: null };
}

/** A group of cells printed in sequence of which the source lost some: aligned later against the identities. */
export interface ShortSequence {
  addresses: { table: string; row: string; column: string }[];
  observed: string[];
  /** Where each observed value was printed, in step with `observed`. */
  places: TextPlace[];
  line: number;
}
