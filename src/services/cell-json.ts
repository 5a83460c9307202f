import { TableCell } from '../entities/table-cell.entity';
import { boxOfValues, CELL_BOX, CELL_CONTENT, type CellContentField } from './cell-columns';

/** One cell as the database sends it inside its report's JSON array: its content in `CELL_CONTENT` order, its box in `CELL_BOX` order, then its id. */
type CellTuple = unknown[];

const CELL_FIELDS = [...CELL_CONTENT.map(([column]) => column), ...CELL_BOX.map(([column]) => column), 'id'].map((column) => `cell.${column}`).join(', ');
const FIELDS: readonly CellContentField[] = CELL_CONTENT.map(([, field]) => field);
/** SQLite keeps booleans as 0/1. */
const BOOLEAN_FIELDS: readonly CellContentField[] = ['inferred', 'corrected'];

/**
 * SQL aggregating the rows of `table_cell cell` into one JSON array in template
 * order: a report's cells come back as one value, not a row (and its driver and
 * transport work) each.
 */
export function cellsJsonAggregate(postgres: boolean): string {
  return postgres ? `json_agg(json_build_array(${CELL_FIELDS}) ORDER BY cell.ordinal)` : `json_group_array(json_array(${CELL_FIELDS}) ORDER BY cell.ordinal)`;
}

/** The cells of one report from what `cellsJsonAggregate` gave (PostgreSQL's driver parses JSON; SQLite's gives text). */
export function cellsFromJson(reportId: number, json: string | CellTuple[] | null): TableCell[] {
  const tuples = typeof json === 'string' ? (JSON.parse(json) as CellTuple[]) : (json ?? []);
  return tuples.map((tuple) => toCell(reportId, tuple));
}

function toCell(reportId: number, tuple: CellTuple): TableCell {
  const cell = new TableCell();
  const fields = cell as unknown as Record<CellContentField, unknown>;
  FIELDS.forEach((field, i) => (fields[field] = tuple[i]));
  for (const field of BOOLEAN_FIELDS) fields[field] = Boolean(fields[field]);
  cell.box = boxOfValues(tuple.slice(FIELDS.length, FIELDS.length + CELL_BOX.length));
  cell.id = tuple[FIELDS.length + CELL_BOX.length] as number;
  cell.reportId = reportId;
  return cell;
}
