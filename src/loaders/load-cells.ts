import type { EntityManager } from 'typeorm';
import type { TableCell } from '../entities/table-cell.entity';
import { cellsFromJson, cellsJsonAggregate } from '../services/cell-json';

/** Plain SQL whose text is the same for any number of ids (array parameters): the query builder's per-request work is skipped. */
function cellsSql(postgres: boolean, byAddress: boolean): string {
  const within = (column: string, n: number) => (postgres ? `cell.${column} = ANY($${n})` : `cell.${column} IN (SELECT value FROM json_each(?))`);
  const codes = byAddress ? ` AND ${within('table_code', 2)} AND ${within('row_code', 3)} AND ${within('column_code', 4)}` : '';
  return `SELECT cell.report_id AS report_id, ${cellsJsonAggregate(postgres)} AS cells FROM table_cell cell WHERE ${within('report_id', 1)}${codes} GROUP BY cell.report_id`;
}

/** Cells of many reports in template order (or only the given addresses), one row per report. */
export async function loadCells(db: EntityManager, reportIds: readonly number[], addresses?: readonly string[]): Promise<TableCell[][]> {
  const postgres = db.connection.options.type === 'postgres';
  const list = (values: readonly (string | number)[]) => (postgres ? values : JSON.stringify(values));
  const part = (i: number) => list([...new Set(addresses!.map((a) => a.split('/')[i]!))]);
  const parameters = addresses ? [list(reportIds), part(0), part(1), part(2)] : [list(reportIds)];
  const rows: { report_id: number; cells: Parameters<typeof cellsFromJson>[1] }[] = await db.query(cellsSql(postgres, addresses !== undefined), parameters);
  const wanted = addresses && new Set(addresses);
  const byReport = new Map(rows.map((row) => [row.report_id, cellsFromJson(row.report_id, row.cells)]));
  return reportIds.map((id) => {
    const cells = byReport.get(id) ?? [];
    return wanted ? cells.filter((cell) => wanted.has(cell.address)) : cells;
  });
}
