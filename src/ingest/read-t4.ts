import { T4_TEMPLATE } from '../template/t4.template';
import { missingCell, readCell, type ShortSequence } from './cell-factory';
import type { ParsedCell, ParseWarning, SourceLine, TextPlace } from './parsed-report.types';
import { splitTableLine, withoutTrailingBlanks } from './table-line';

export interface T4Read {
  cells: ParsedCell[];
  shortRows: ShortSequence[];
}

const ADDRESSES = T4_TEMPLATE.rows.flatMap((row) => T4_TEMPLATE.columns.map((column) => ({ table: 't4', row: row.code, column: column.code })));

/** Every cell of t4, printed as one row. */
export const T4_CELLS = ADDRESSES.length;

/** Table t4 is printed as one row of 15 numbers under a two-level header; the numbers may wrap onto several lines, with no label between them. */
export function readT4(lines: readonly SourceLine[], warnings: ParseWarning[]): T4Read {
  const { values, places } = printedT4Values(lines);
  const missing = ADDRESSES.map((a) => missingCell(a.table, a.row, a.column));
  if (values.length === 0) {
    warnings.push({ code: 'TABLE_NOT_FOUND', message: 't4: no line of review and litigation figures found', address: 't4' });
    return { cells: missing, shortRows: [] };
  }
  if (values.length > ADDRESSES.length) {
    warnings.push({ code: 'EXTRA_CELLS', message: `t4: ${values.length} values for ${ADDRESSES.length} cells; table left MISSING`, line: places[0]!.line });
    return { cells: missing, shortRows: [] };
  }
  if (values.length < ADDRESSES.length) {
    return { cells: missing, shortRows: [{ addresses: ADDRESSES, observed: values, places, line: places[0]!.line }] };
  }
  return { cells: ADDRESSES.map((a, i) => readCell(a.table, a.row, a.column, values[i]!, places[i]!.line, places[i]!.offset)), shortRows: [] };
}

/** A row of every t4 value after a label cell of its own (数量, 件数): the whole table on one line, not a row's numbers split from it. */
function isLabelledRow(values: readonly string[]): boolean {
  const printed = withoutTrailingBlanks(values);
  while (printed[0] === '') printed.shift();
  return printed.length === ADDRESSES.length;
}

/** The values t4's region prints, in order, with where each was read. */
export function printedT4Values(lines: readonly SourceLine[]): { values: string[]; places: TextPlace[] } {
  const values: string[] = [];
  const places: TextPlace[] = [];
  for (const source of lines) {
    const line = splitTableLine(source.text);
    // Numbers wrap onto the next lines, never past a label: values after one are another row's, split from its label.
    if (line.label !== '' && values.length > 0) break;
    if (line.label !== '' && !isLabelledRow(line.values)) continue;
    if (!line.values.some((v) => v !== '')) continue;
    withoutTrailingBlanks(line.values).forEach((value, index) => {
      if (line.label !== '' && values.length === 0 && value === '') return;
      values.push(value);
      places.push({ line: source.number, offset: line.offsets[index]! });
    });
    if (values.length >= ADDRESSES.length) break;
  }
  // Empty fields before the first value are a merged label cell's (a page's empty corner cell), not blank values, when there are more fields than cells.
  while (values.length > ADDRESSES.length && values[0] === '') {
    values.shift();
    places.shift();
  }
  return { values, places };
}
