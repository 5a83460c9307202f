import type { EntityManager } from 'typeorm';
import { TableCell } from '../entities/table-cell.entity';

/** One cell as the database sends it inside its report's JSON array. */
type CellTuple = [table: string, row: string, column: string, value: number | null, raw: string | null, status: TableCell['status'], inferred: boolean | number, rule: string | null, line: number | null, id: number];

const CELL_FIELDS = ['table_code', 'row_code', 'column_code', 'value', 'raw', 'status', 'inferred', 'rule', 'line', 'id'].map((column) => `cell.${column}`).join(', ');

/**
 * Cells of many reports in template order (or only the given addresses), one
 * row per report holding its cells as a JSON array built by the database: a
 * page holds tens of thousands of cells, and a row (and its driver and
 * transport work) for each would dominate the request.
 */
export async function loadCells(db: EntityManager, reportIds: readonly number[], addresses?: readonly string[]): Promise<TableCell[][]> {
  const postgres = db.connection.options.type === 'postgres';
  const cellsJson = postgres ? `json_agg(json_build_array(${CELL_FIELDS}) ORDER BY cell.ordinal)` : `json_group_array(json_array(${CELL_FIELDS}) ORDER BY cell.ordinal)`;
  const query = db.createQueryBuilder().select('cell.report_id', 'report_id').addSelect(cellsJson, 'cells').from(TableCell, 'cell').where('cell.report_id IN (:...reportIds)', { reportIds });
  if (addresses) {
    const part = (i: number) => [...new Set(addresses.map((a) => a.split('/')[i]!))];
    query.andWhere('cell.table_code IN (:...tables) AND cell.row_code IN (:...rows) AND cell.column_code IN (:...columns)', { tables: part(0), rows: part(1), columns: part(2) });
  }
  const rows: { report_id: number; cells: string | CellTuple[] }[] = await query.groupBy('cell.report_id').getRawMany();
  const byReport = new Map<number, TableCell[]>();
  const wanted = addresses && new Set(addresses);
  for (const row of rows) {
    const tuples = typeof row.cells === 'string' ? (JSON.parse(row.cells) as CellTuple[]) : row.cells;
    const cells: TableCell[] = [];
    for (const tuple of tuples) {
      const cell = toCell(row.report_id, tuple);
      if (!wanted || wanted.has(cell.address)) cells.push(cell);
    }
    byReport.set(row.report_id, cells);
  }
  return reportIds.map((id) => byReport.get(id) ?? []);
}

function toCell(reportId: number, [table, row, column, value, raw, status, inferred, rule, line, id]: CellTuple): TableCell {
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
  return cell;
}
