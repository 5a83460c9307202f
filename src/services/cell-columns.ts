import type { VersionCell } from '../entities/history.types';
import type { CellBox } from '../ingest/cell-box';

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
  ['page', 'page'],
  ['corrected', 'corrected'],
  ['correction_reason', 'correctionReason'],
  ['value_before', 'valueBefore'],
  ['status_before', 'statusBefore'],
] as const satisfies readonly (readonly [string, keyof VersionCell])[];

export type CellContentField = (typeof CELL_CONTENT)[number][1];

/** The columns of a cell's box (a cell's `box`, or null), after its content, with the part of the box each holds. */
export const CELL_BOX = [
  ['box_x', 'x'],
  ['box_y', 'y'],
  ['box_width', 'width'],
  ['box_height', 'height'],
] as const satisfies readonly (readonly [string, keyof CellBox])[];

export const CELL_CONTENT_COLUMNS: readonly string[] = [...CELL_CONTENT, ...CELL_BOX].map(([column]) => column);

/** A cell's content in the order of `CELL_CONTENT_COLUMNS`. */
export function cellContentValues(cell: VersionCell): unknown[] {
  return [...CELL_CONTENT.map(([, field]) => cell[field]), ...CELL_BOX.map(([, part]) => cell.box?.[part] ?? null)];
}

/** A box from its columns' values in `CELL_BOX` order: null when it has none. */
export function boxOfValues(values: readonly unknown[]): CellBox | null {
  if (values[0] === null || values[0] === undefined) return null;
  const [x, y, width, height] = values as number[];
  return { x: x!, y: y!, width: width!, height: height! };
}
