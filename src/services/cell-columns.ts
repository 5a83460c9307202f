import type { VersionCell } from '../entities/history.types';

/**
 * The columns of `table_cell` that hold a cell's content, each with the field
 * of a cell that it holds: one list, in one order, for writing cells
 * (`CELL_CONTENT_COLUMNS`, `cellContentValues`) and reading them back as JSON.
 */
export const CELL_CONTENT = [
  ['table_code', 'table'],
  ['row_code', 'row'],
  ['column_code', 'column'],
  ['value', 'value'],
  ['raw', 'raw'],
  ['status', 'status'],
  ['inferred', 'inferred'],
  ['rule', 'rule'],
  ['line', 'line'],
  ['corrected', 'corrected'],
  ['correction_reason', 'correctionReason'],
  ['value_before', 'valueBefore'],
  ['status_before', 'statusBefore'],
] as const satisfies readonly (readonly [string, keyof VersionCell])[];

export type CellContentField = (typeof CELL_CONTENT)[number][1];

export const CELL_CONTENT_COLUMNS: readonly string[] = CELL_CONTENT.map(([column]) => column);

/** A cell's content in the order of `CELL_CONTENT_COLUMNS`. */
export function cellContentValues(cell: VersionCell): unknown[] {
  return CELL_CONTENT.map(([, field]) => cell[field]);
}
