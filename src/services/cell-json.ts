import { TableCell } from '../entities/table-cell.entity';

/** One cell as the database sends it inside its report's JSON array. */
type CellTuple = [
  table: string, row: string, column: string, value: number | null, raw: string | null, status: TableCell['status'], inferred: boolean | number, rule: string | null, line: number | null, id: number,
  corrected: boolean | number, correctionReason: string | null, valueBefore: number | null, statusBefore: TableCell['status'] | null,
];

const CELL_FIELDS = ['table_code', 'row_code', 'column_code', 'value', 'raw', 'status', 'inferred', 'rule', 'line', 'id', 'corrected', 'correction_reason', 'value_before', 'status_before'].map((column) => `cell.${column}`).join(', ');

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

function toCell(reportId: number, [table, row, column, value, raw, status, inferred, rule, line, id, corrected, correctionReason, valueBefore, statusBefore]: CellTuple): TableCell {
  const cell = new TableCell();
  cell.id = id;
  cell.reportId = reportId;
  cell.table = table;
  cell.row = row;
  cell.column = column;
  cell.value = value;
  cell.raw = raw;
  cell.status = status;
  cell.inferred = Boolean(inferred); // SQLite keeps booleans as 0/1
  cell.rule = rule;
  cell.line = line;
  cell.corrected = Boolean(corrected);
  cell.correctionReason = correctionReason;
  cell.valueBefore = valueBefore;
  cell.statusBefore = statusBefore;
  return cell;
}
