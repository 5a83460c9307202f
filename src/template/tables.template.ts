import { T2_G2_TEMPLATE } from './t2-g2.template';
import { T2_TEMPLATE } from './t2.template';
import { T3_G2_TEMPLATE, T3_TEMPLATE } from './t3.template';
import { T4_TEMPLATE } from './t4.template';
import type { Generation, TableTemplate } from './template.types';

/** The G3 (2021) tables. */
export const TABLES: readonly TableTemplate[] = [T2_TEMPLATE, T3_TEMPLATE, T4_TEMPLATE];

const TABLES_BY_GENERATION: Record<Generation, readonly TableTemplate[]> = { G3: TABLES, G2: [T2_G2_TEMPLATE, T3_G2_TEMPLATE, T4_TEMPLATE], UNRECOGNISED: [] };

/** The tables a generation's reports print; none for a report in no recognised generation. */
export function tablesOf(generation: Generation): readonly TableTemplate[] {
  return TABLES_BY_GENERATION[generation];
}

export interface CellAddress {
  table: string;
  row: string;
  column: string;
}

/** Addresses by table, row and column: a page reads tens of thousands of cells, and each would otherwise build its string. */
const ADDRESSES = new Map<string, Map<string, Map<string, string>>>();

export function cellAddress(cell: CellAddress): string {
  const known = ADDRESSES.get(cell.table)?.get(cell.row)?.get(cell.column);
  return known ?? `${cell.table}/${cell.row}/${cell.column}`;
}

/** `t3/new/total` → its table, row and column codes. */
export function parseCellAddress(address: string): CellAddress {
  const [table = '', row = '', column = ''] = address.split('/');
  return { table, row, column };
}

/**
 * The distinct table, row and column codes of some addresses. Cells whose codes
 * are in all three lists are a superset of the addresses (the caller picks the
 * exact ones), found on the (report, table, row, column) index.
 */
export function addressCodes(addresses: readonly string[]): { tables: string[]; rows: string[]; columns: string[] } {
  const parsed = addresses.map(parseCellAddress);
  const distinct = (part: keyof CellAddress) => [...new Set(parsed.map((cell) => cell[part]))];
  return { tables: distinct('table'), rows: distinct('row'), columns: distinct('column') };
}

const TEMPLATE_CELLS = new Map<Generation, readonly CellAddress[]>();

/** Every cell a generation's template defines (G3 by default), in template order (table, row, column). */
export function templateCells(generation: Generation = 'G3'): readonly CellAddress[] {
  let cells = TEMPLATE_CELLS.get(generation);
  if (!cells) {
    cells = tablesOf(generation).flatMap((table) =>
      table.rows.flatMap((row) => (row.columns ?? table.columns.map((c) => c.code)).map((column) => ({ table: table.code, row: row.code, column }))),
    );
    TEMPLATE_CELLS.set(generation, cells);
  }
  return cells;
}

for (const { table, row, column } of (['G3', 'G2'] as const).flatMap((generation) => templateCells(generation))) {
  const rows = ADDRESSES.get(table) ?? ADDRESSES.set(table, new Map()).get(table)!;
  const columns = rows.get(row) ?? rows.set(row, new Map()).get(row)!;
  columns.set(column, `${table}/${row}/${column}`);
}

/** Every address some generation defines: what a measure may name. */
export const ALL_CELL_ADDRESSES: ReadonlySet<string> = new Set((['G3', 'G2'] as const).flatMap((generation) => templateCells(generation).map(cellAddress)));

export function isDecimalColumn(table: string, column: string): boolean {
  return [...TABLES, ...TABLES_BY_GENERATION.G2].some((t) => t.code === table && t.columns.some((c) => c.code === column && c.decimal === true));
}
