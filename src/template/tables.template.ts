import { T2_TEMPLATE } from './t2.template';
import { T3_TEMPLATE } from './t3.template';
import { T4_TEMPLATE } from './t4.template';
import type { TableTemplate } from './template.types';

export const TABLES: readonly TableTemplate[] = [T2_TEMPLATE, T3_TEMPLATE, T4_TEMPLATE];

export interface CellAddress {
  table: string;
  row: string;
  column: string;
}

export function cellAddress(cell: CellAddress): string {
  return `${cell.table}/${cell.row}/${cell.column}`;
}

/** Every cell the G3 template defines, in template order (table, row, column). */
export function templateCells(): CellAddress[] {
  return TABLES.flatMap((table) =>
    table.rows.flatMap((row) =>
      (row.columns ?? table.columns.map((c) => c.code)).map((column) => ({ table: table.code, row: row.code, column })),
    ),
  );
}

export function isDecimalColumn(table: string, column: string): boolean {
  return TABLES.some((t) => t.code === table && t.columns.some((c) => c.code === column && c.decimal === true));
}
