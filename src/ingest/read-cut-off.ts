import { PARTS } from '../template/parts.template';
import { cellAddress } from '../template/tables.template';
import type { TableTemplate } from '../template/template.types';
import { missingCell, readCell, type ShortSequence } from './cell-factory';
import type { ParsedCell, ParsedSection, ParseWarning, SourceLine } from './parsed-report.types';
import type { RowRead } from './row-reader';
import { printedT4Values, T4_CELLS } from './read-t4';
import { withoutTrailingBlanks } from './table-line';

/** Where a table's text stops: the last row read (its template index and line), and that row's values when the text stops inside it. */
interface Cut {
  lastRow: number;
  line: number | undefined;
  partial?: string[];
  where: string;
}

/** A sentence of narrative: no table label ends one, so a table followed by one was not cut off. */
const SENTENCE_END = /[。！？]/;

/**
 * A report whose text stops partway through a table (a saved page cut off):
 * the last part found holds a table, that table's last row (or a later table)
 * never comes, and no narrative follows the last row read. What was read
 * stays; a row the text stops inside keeps its printed values, in column
 * order; every cell after the cut is MISSING, and the addresses returned are
 * never inferred. One `TRUNCATED` warning replaces the rows-not-found warnings
 * of what the text never reached.
 */
export function readCutOff(
  sections: readonly ParsedSection[],
  partLines: ReadonlyMap<string, SourceLine[]>,
  tables: readonly TableTemplate[],
  rowsRead: ReadonlyMap<string, ReadonlyMap<string, RowRead>>,
  cells: ParsedCell[],
  shortRows: ShortSequence[],
  warnings: ParseWarning[],
): Set<string> {
  const part = PARTS.find((p) => p.code === sections.at(-1)?.code);
  const at = tables.findIndex((t) => t.code === part?.table);
  if (!part || at < 0) return new Set();
  const template = tables[at]!;
  const region = partLines.get(part.code) ?? [];
  const cut = template.code === 't4' ? t4Cut(region) : rowCut(template, rowsRead.get(template.code) ?? new Map(), region, cells);
  const later = tables.slice(at + 1);
  if (!cut || (later.length === 0 && cut.lastRow === template.rows.length - 1 && !cut.partial)) return new Set();
  if (region.some((line) => (cut.line === undefined || line.number > cut.line) && SENTENCE_END.test(line.text))) return new Set();

  const unreachedRows = new Set([...template.rows.slice(cut.lastRow + 1).map((r) => `${template.code}/${r.code}`), ...later.flatMap((t) => t.rows.map((r) => `${t.code}/${r.code}`))]);
  // The row the text stops inside: all of t4, which prints its rows as one.
  const partialRow = !cut.partial ? undefined : template.code === 't4' ? 't4' : `${template.code}/${template.rows[cut.lastRow]!.code}`;
  const unreached = new Set<string>();
  let printed = 0;
  for (const cell of cells) {
    const row = `${cell.table}/${cell.row}`;
    if (cut.partial && (row === partialRow || cell.table === partialRow)) {
      const value = cut.partial[printed++];
      Object.assign(cell, value === undefined ? missingCell(cell.table, cell.row, cell.column) : readCell(cell.table, cell.row, cell.column, value, cut.line!));
      if (value === undefined) unreached.add(cellAddress(cell));
    } else if (unreachedRows.has(row) || later.some((t) => t.code === cell.table)) {
      Object.assign(cell, missingCell(cell.table, cell.row, cell.column));
      unreached.add(cellAddress(cell));
    }
  }
  const touched = (address: string) => unreachedRows.has(address) || address === partialRow || later.some((t) => address === t.code || address.startsWith(`${t.code}/`));
  for (let i = shortRows.length - 1; i >= 0; i -= 1) {
    if (shortRows[i]!.addresses.some((a) => touched(`${a.table}/${a.row}`) || touched(a.table))) shortRows.splice(i, 1);
  }
  for (let i = warnings.length - 1; i >= 0; i -= 1) {
    const warning = warnings[i]!;
    const scope = warning.address ?? warning.message.split(':')[0]!;
    if (touched(scope) || (warning.code === 'TABLE_NOT_FOUND' && scope === template.code)) warnings.splice(i, 1);
  }
  const notReached = later.length > 0 ? `; ${later.map((t) => t.code).join(' and ')} not reached` : '';
  warnings.push({ code: 'TRUNCATED', message: `${template.code}: the text stops ${cut.where}${notReached}`, line: cut.line, address: template.code });
  return unreached;
}

/** t2 or t3: the last row read, by line; a last row with fewer values than columns on the text's last line is where it stops. */
function rowCut(template: TableTemplate, rows: ReadonlyMap<string, RowRead>, region: readonly SourceLine[], cells: readonly ParsedCell[]): Cut | undefined {
  const index = (code: string) => template.rows.findIndex((r) => r.code === code);
  const marks = [...rows.values()].map((read) => ({ row: index(read.row.code), line: read.line, values: read.values }));
  // A block read as one row (（六）其他处理) counts where its line is.
  for (const cell of cells) if (cell.table === template.code && cell.line !== null && index(cell.row) >= 0) marks.push({ row: index(cell.row), line: cell.line, values: [] });
  const last = marks.reduce<(typeof marks)[number] | undefined>((best, mark) => (!best || mark.line > best.line || (mark.line === best.line && mark.row > best.row) ? mark : best), undefined);
  if (!last) return { lastRow: -1, line: lastLine(region), where: `before the table's first row (line ${lastLine(region)}); no row read` };
  const row = template.rows[last.row]!;
  const columns = row.columns ?? template.columns.map((c) => c.code);
  const values = withoutTrailingBlanks(last.values);
  if (template.code === 't3') while (values[0] === '') values.shift();
  const partial = values.length > 0 && values.length < columns.length && last.line === lastLine(region) ? values : undefined;
  const label = `${template.code}/${row.code} ${row.label}`;
  return partial
    ? { lastRow: last.row, line: last.line, partial, where: `inside row ${label} after ${partial.length} of its ${columns.length} values (line ${last.line}); later cells not read` }
    : { lastRow: last.row, line: last.line, where: `after row ${label} (line ${last.line}); later rows not read` };
}

/** t4: its values (one printed row of every cell), of which the text printed fewer. */
function t4Cut(region: readonly SourceLine[]): Cut | undefined {
  const { values, places } = printedT4Values(region);
  const line = places.at(-1)?.line;
  // Fewer values with more printed after them is a table that lost values, not a text that stops.
  if (values.length >= T4_CELLS || (line !== undefined && line !== lastLine(region))) return undefined;
  if (values.length === 0) return { lastRow: -1, line: lastLine(region), where: `before its values (line ${lastLine(region)}); no value read` };
  return { lastRow: 0, line, partial: values, where: `after ${values.length} of its ${T4_CELLS} values (line ${line}); later values not read` };
}

function lastLine(region: readonly SourceLine[]): number | undefined {
  return region.findLast((line) => line.text.trim() !== '')?.number;
}
