import type { EntityManager } from 'typeorm';
import type { TableCell } from '../entities/table-cell.entity';
import { addressCodeLists, cellCodesSql, inListSql, listParameter } from '../database/list-parameter-sql';
import { cellsFromJson, cellsJsonAggregate } from '../services/cell-json';

/** Plain SQL whose text is the same for any number of ids (array parameters): the query builder's per-request work is skipped. */
function cellsSql(postgres: boolean, byAddress: boolean): string {
  const placeholder = (n: number) => (postgres ? `$${n}` : '?');
  const codes = byAddress ? ` AND ${cellCodesSql(postgres, 'cell', [placeholder(2), placeholder(3), placeholder(4)])}` : '';
  return `SELECT cell.report_id AS report_id, ${cellsJsonAggregate(postgres)} AS cells FROM table_cell cell WHERE ${inListSql(postgres, 'cell.report_id', placeholder(1))}${codes} GROUP BY cell.report_id`;
}

/** Cells of many reports in template order (or only the given addresses), one row per report. */
export async function loadCells(db: EntityManager, reportIds: readonly number[], addresses?: readonly string[]): Promise<TableCell[][]> {
  const postgres = db.connection.options.type === 'postgres';
  const parameters = [listParameter(postgres, reportIds), ...(addresses ? addressCodeLists(postgres, addresses) : [])];
  const rows: { report_id: number; cells: Parameters<typeof cellsFromJson>[1] }[] = await db.query(cellsSql(postgres, addresses !== undefined), parameters);
  const wanted = addresses && new Set(addresses);
  const byReport = new Map(rows.map((row) => [row.report_id, cellsFromJson(row.report_id, row.cells)]));
  return reportIds.map((id) => {
    const cells = byReport.get(id) ?? [];
    return wanted ? cells.filter((cell) => wanted.has(cell.address)) : cells;
  });
}
