import { readCellValue } from './cell-value';
import type { ParsedCell } from './parsed-report.types';

export function readCell(table: string, row: string, column: string, raw: string, line: number): ParsedCell {
  const read = readCellValue(raw) ?? { value: null, status: 'MISSING' as const };
  return { table, row, column, value: read.value, raw: raw.trim(), status: read.status, inferred: false, rule: null, line };
}

export function missingCell(table: string, row: string, column: string): ParsedCell {
  return { table, row, column, value: null, raw: null, status: 'MISSING', inferred: false, rule: null, line: null };
}

/** A group of cells printed in sequence of which the source lost some: aligned later against the identities. */
export interface ShortSequence {
  addresses: { table: string; row: string; column: string }[];
  observed: string[];
  line: number;
}
