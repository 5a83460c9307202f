import { labelMatches, wrappedLabelMatch } from '../template/label-normalize';
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
 * label-only lines just before it, and failing that with the label-only line
 * just after it (a cell that wraps its label around its values), which the row
 * then takes: it is no context for the next row.
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
  for (let at = 0; at < lines.length; at += 1) {
    const source = lines[at]!;
    if (source.text.trim() === '') continue;
    const line = splitTableLine(source.text);
    if (!hasValue(line)) {
      context = [...context, line.label].slice(-CONTEXT_LINES);
      continue;
    }
    let index = matchWithContext(rows, cursor, line.label, context);
    if (index === undefined) {
      const after = labelLineAfter(lines, at);
      index = after ? matchWrapped(rows, cursor, line.label, context, after.label) : undefined;
      if (after && index !== undefined) at = after.at;
    }
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

function matchWrapped(rows: readonly RowTemplate[], cursor: number, label: string, context: string[], after: string): number | undefined {
  const matches = rows.slice(cursor).map((row) => row.match);
  for (let taken = 0; taken <= context.length; taken += 1) {
    const index = wrappedLabelMatch([...context.slice(context.length - taken), label].join(''), after, matches);
    if (index !== undefined) return cursor + index;
  }
  return undefined;
}

/** The next non-blank line when it holds a label and no value. */
function labelLineAfter(lines: readonly SourceLine[], at: number): { label: string; at: number } | undefined {
  for (let next = at + 1; next < lines.length; next += 1) {
    if (lines[next]!.text.trim() === '') continue;
    const line = splitTableLine(lines[next]!.text);
    return hasValue(line) || line.label === '' ? undefined : { label: line.label, at: next };
  }
  return undefined;
}

function matchRow(rows: readonly RowTemplate[], cursor: number, label: string): number | undefined {
  for (let index = cursor; index < rows.length; index += 1) {
    if (labelMatches(label, rows[index]!.match)) return index;
  }
  return undefined;
}
