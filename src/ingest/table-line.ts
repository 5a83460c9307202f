import { isCellValueText } from './cell-value';

export interface TableLine {
  /** The label fields, joined by a space ('' for a line of numbers only). */
  label: string;
  /** The value fields after the label, inner and trailing empty fields kept. */
  values: string[];
  /** Where each value field starts in the line's text (0-based), in step with `values`. */
  offsets: number[];
}

interface Field {
  text: string;
  offset: number;
}

/**
 * Splits a PDF-extracted table line into its label and value fields. Fields are
 * tab-separated; a field that ends in space-separated numbers ("规章 0 0 0")
 * is split further, since extraction sometimes loses the tabs between cells.
 */
export function splitTableLine(text: string): TableLine {
  let start = 0;
  const fields = text.split('\t').flatMap((field) => {
    const split = expandField(field, start);
    start += field.length + 1;
    return split;
  });
  let lastLabel = -1;
  fields.forEach((field, index) => {
    if (field.text !== '' && !isCellValueText(field.text)) lastLabel = index;
  });
  const values = fields.slice(lastLabel + 1);
  return {
    label: fields
      .slice(0, lastLabel + 1)
      .map((f) => f.text)
      .filter((f) => f !== '')
      .join(' '),
    values: values.map((f) => f.text),
    offsets: values.map((f) => f.offset),
  };
}

export function withoutTrailingBlanks(values: readonly string[]): string[] {
  let end = values.length;
  while (end > 0 && values[end - 1] === '') end -= 1;
  return values.slice(0, end);
}

export function hasValue(line: TableLine): boolean {
  return line.values.some((v) => v !== '');
}

function expandField(field: string, start: number): Field[] {
  const tokens = [...field.matchAll(/\S+/g)].map((match) => ({ text: match[0], offset: start + match.index }));
  const trimmed = field.trim();
  const whole = { text: trimmed, offset: tokens[0]?.offset ?? start };
  if (tokens.length < 2) return [whole];
  let firstValue = tokens.length;
  while (firstValue > 0 && isCellValueText(tokens[firstValue - 1]!.text)) firstValue -= 1;
  if (firstValue === tokens.length) return [whole];
  if (firstValue === 0) return tokens;
  const label = { text: tokens.slice(0, firstValue).map((t) => t.text).join(' '), offset: tokens[0]!.offset };
  return [label, ...tokens.slice(firstValue)];
}
