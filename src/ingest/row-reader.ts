import { labelMatches } from '../template/label-normalize';
import type { RowTemplate } from '../template/template.types';
import type { ParseWarning, SourceLine } from './parsed-report.types';
import { hasValue, splitTableLine } from './table-line';

export interface RowRead {
  row: RowTemplate;
  values: string[];
  /** Where each value starts in the line (splitTableLine). */
  offsets: number[];
  line: number;
}

/** Label-only lines kept as context for a value line whose label was split off. */
const CONTEXT_LINES = 3;

/**
 * Finds each template row's value line inside a table's lines, by label and in
 * template order. A value line whose own label names no row (a label broken
 * across lines, or a row split after its label) is read together with the
 * label-only lines just before it.
 */
export function readRows(
  table: string,
  rows: readonly RowTemplate[],
  lines: readonly SourceLine[],
  warnings: ParseWarning[],
): Map<string, RowRead> {
  const found = new Map<string, RowRead>();
  let cursor = 0;
  let context: string[] = [];
  for (const source of lines) {
    if (source.text.trim() === '') continue;
    const line = splitTableLine(source.text);
    if (!hasValue(line)) {
      context = [...context, line.label].slice(-CONTEXT_LINES);
      continue;
    }
    const index = matchWithContext(rows, cursor, line.label, context);
    context = [];
    if (index === undefined) {
      if (cursor < rows.length) {
        warnings.push({ code: 'UNRECOGNISED_ROW', message: `${table}: line ${source.number} has values but no known row label`, line: source.number });
      }
      continue;
    }
    const row = rows[index]!;
    found.set(row.code, { row, values: line.values, offsets: line.offsets, line: source.number });
    cursor = index + 1;
  }
  for (const row of rows) {
    if (!found.has(row.code)) {
      warnings.push({ code: 'ROW_NOT_FOUND', message: `${table}/${row.code}: row ${row.label} not found`, address: `${table}/${row.code}` });
    }
  }
  return found;
}

function matchWithContext(rows: readonly RowTemplate[], cursor: number, label: string, context: string[]): number | undefined {
  for (let taken = 0; taken <= context.length; taken += 1) {
    const text = [...context.slice(context.length - taken), label].join('');
    if (text === '') continue;
    const index = matchRow(rows, cursor, text);
    if (index !== undefined) return index;
  }
  return undefined;
}

function matchRow(rows: readonly RowTemplate[], cursor: number, label: string): number | undefined {
  for (let index = cursor; index < rows.length; index += 1) {
    if (labelMatches(label, rows[index]!.match)) return index;
  }
  return undefined;
}
