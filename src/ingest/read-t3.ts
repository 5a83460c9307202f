import type { TableTemplate } from '../template/template.types';
import { missingCell, readCell, type ShortSequence } from './cell-factory';
import type { ParsedCell, ParseWarning, SourceLine } from './parsed-report.types';
import { readCollapsedBlocks } from './read-collapsed-block';
import { readRows, type RowRead } from './row-reader';
import { withoutTrailingBlanks } from './table-line';

export interface T3Read {
  cells: ParsedCell[];
  shortRows: ShortSequence[];
  /** Each row found, by code. */
  rows: ReadonlyMap<string, RowRead>;
}

/**
 * Table t3: each row's fields after its label are its seven cells. A row with
 * fewer than seven values lost cells in extraction.
 */
export function readT3(lines: readonly SourceLine[], warnings: ParseWarning[], template: TableTemplate): T3Read {
  const rows = readRows('t3', template.rows, lines, warnings);
  const columns = template.columns.map((c) => c.code);
  const cells: ParsedCell[] = [];
  const shortRows: ShortSequence[] = [];
  for (const row of template.rows) {
    const read = rows.get(row.code);
    const missing = () => columns.map((column) => missingCell('t3', row.code, column));
    if (!read) {
      cells.push(...missing());
      continue;
    }
    // Empty fields between the label and the first value are the label's merged cells, not blank values:
    // a row with fewer values than columns is then aligned against the identities, never shifted silently.
    const values = withoutTrailingBlanks(read.values);
    let first = 0;
    while (values[0] === '') {
      values.shift();
      first += 1;
    }
    const places = values.map((_, index) => ({ line: read.line, offset: read.offsets[first + index]! }));
    if (values.length > columns.length) {
      warnings.push({
        code: 'EXTRA_CELLS',
        message: `t3/${row.code}: line ${read.line} holds ${values.length} values for ${columns.length} columns; row left MISSING`,
        line: read.line,
        address: `t3/${row.code}`,
      });
      cells.push(...missing());
    } else if (values.length < columns.length) {
      cells.push(...missing());
      shortRows.push({ addresses: columns.map((column) => ({ table: 't3', row: row.code, column })), observed: values, places, line: read.line });
    } else {
      cells.push(...columns.map((column, index) => readCell('t3', row.code, column, values[index]!, read.line, places[index]!.offset)));
    }
  }
  readCollapsedBlocks(template, rows, lines, cells, warnings);
  return { cells, shortRows, rows };
}
