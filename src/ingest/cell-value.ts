import type { CellStatus } from './parsed-report.types';

const NOT_APPLICABLE = new Set(['/', '\\', '—', '——', '-', '--', '无', '－', '―', '/ ']);
const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** Above this a number loses integer precision as a double. */
export const MAX_CELL_MAGNITUDE = Number.MAX_SAFE_INTEGER;

export interface CellValue {
  value: number | null;
  status: CellStatus;
}

/** A printed cell's value and status (docs/report-format.md: NUMBER, ZERO, BLANK, NA, or MISSING for a number too large to hold); undefined when the text is not a cell value. */
export function readCellValue(raw: string): CellValue | undefined {
  const text = raw.normalize('NFKC').trim();
  if (text === '') return { value: null, status: 'BLANK' };
  if (NOT_APPLICABLE.has(text)) return { value: null, status: 'NA' };
  const digits = GROUPED_NUMBER.test(text) ? text.replace(/,/g, '') : text;
  if (!NUMBER.test(digits)) return undefined;
  const value = Number(digits);
  // A figure no report can hold (a run of damaged digits): kept as raw text, read as MISSING.
  if (Math.abs(value) > MAX_CELL_MAGNITUDE) return { value: null, status: 'MISSING' };
  return { value, status: statusOfNumber(value) };
}

/** A number's status: ZERO for 0, NUMBER for any other. */
export function statusOfNumber(value: number): CellStatus {
  return value === 0 ? 'ZERO' : 'NUMBER';
}

export function isCellValueText(raw: string): boolean {
  return readCellValue(raw) !== undefined;
}
