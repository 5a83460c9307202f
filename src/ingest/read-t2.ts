import type { TableTemplate } from '../template/template.types';
import { missingCell, readCell } from './cell-factory';
import type { ParsedCell, ParseWarning, SourceLine } from './parsed-report.types';
import { readRows, type RowRead } from './row-reader';

export interface T2Read {
  cells: ParsedCell[];
  /** Each row found, by code. */
  rows: ReadonlyMap<string, RowRead>;
}

/** Table t2 in its generation's layout: each item's row, its values in column order; blank fields stay BLANK. */
export function readT2(lines: readonly SourceLine[], warnings: ParseWarning[], template: TableTemplate): T2Read {
  const rows = readRows('t2', template.rows, lines, warnings);
  const cells = template.rows.flatMap((row) => {
    const columns = row.columns ?? [];
    const read = rows.get(row.code);
    if (!read) return columns.map((column) => missingCell('t2', row.code, column));
    if (read.values.length < columns.length) {
      warnings.push({
        code: 'LOST_CELL',
        message: `t2/${row.code}: line ${read.line} holds ${read.values.length} values for ${columns.length} columns; the position of the lost value is unknown, so the row is MISSING`,
        line: read.line,
        address: `t2/${row.code}`,
      });
      return columns.map((column) => missingCell('t2', row.code, column));
    }
    if (read.values.slice(columns.length).some((value) => value.trim() !== '')) {
      // A value past the row's columns: which of them belong to the row is unknown (a blank cell lost, or an empty cell printed in front).
      warnings.push({
        code: 'EXTRA_CELLS',
        message: `t2/${row.code}: line ${read.line} holds values past its ${columns.length} columns; row left MISSING`,
        line: read.line,
        address: `t2/${row.code}`,
      });
      return columns.map((column) => missingCell('t2', row.code, column));
    }
    return columns.map((column, index) => readCell('t2', row.code, column, read.values[index] ?? '', read.line, read.offsets[index]));
  });
  return { cells, rows };
}
