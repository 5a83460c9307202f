import type { TableCell } from '../entities/table-cell.entity';
import type { Table } from '../schema/table.type';
import { TABLES } from '../template/tables.template';

/** A report's cells arranged as the template's tables → rows → cells; tables with no stored cells are left out. */
export function arrangeTables(cells: TableCell[], tableCode?: string): Table[] {
  return TABLES.filter((table) => tableCode === undefined || table.code === tableCode)
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
