import type { TableCell } from '../entities/table-cell.entity';
import type { Table } from '../schema/table.type';
import { TABLES, tablesOf } from '../template/tables.template';
import type { Generation } from '../template/template.types';

/** A report's cells arranged as its generation's tables → rows → cells; tables with no stored cells are left out. */
export function arrangeTables(cells: TableCell[], generation: Generation, tableCode?: string): Table[] {
  return tablesOf(generation).filter((table) => tableCode === undefined || table.code === tableCode)
    .map((table) => ({
      code: table.code,
      title: table.title,
      rows: table.rows.map((row) => ({
        code: row.code,
        label: row.label,
        cells: cells.filter((cell) => cell.table === table.code && cell.row === row.code),
      })),
    }))
    .filter((table) => table.rows.some((row) => row.cells.length > 0));
}

export function isTableCode(code: string): boolean {
  return TABLES.some((table) => table.code === code);
}
