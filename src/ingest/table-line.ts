import { isCellValueText } from './cell-value';

export interface TableLine {
  /** The label fields, joined by a space ('' for a line of numbers only). */
  label: string;
  /** The value fields after the label, inner and trailing empty fields kept. */
  values: string[];
}

/**
 * Splits a PDF-extracted table line into its label and value fields. Fields are
 * tab-separated; a field that ends in space-separated numbers ("规章 0 0 0")
 * is split further, since extraction sometimes loses the tabs between cells.
 */
export function splitTableLine(text: string): TableLine {
  const fields = text.split('\t').flatMap(expandField);
  let lastLabel = -1;
  fields.forEach((field, index) => {
    if (field !== '' && !isCellValueText(field)) lastLabel = index;
  });
  return {
    label: fields
      .slice(0, lastLabel + 1)
      .filter((f) => f !== '')
      .join(' '),
    values: fields.slice(lastLabel + 1),
  };
}

export function withoutTrailingBlanks(values: string[]): string[] {
  let end = values.length;
  while (end > 0 && values[end - 1] === '') end -= 1;
  return values.slice(0, end);
}

export function hasValue(line: TableLine): boolean {
  return line.values.some((v) => v !== '');
}

function expandField(field: string): string[] {
  const trimmed = field.trim();
  const tokens = trimmed.split(/\s+/);
  if (tokens.length < 2) return [trimmed];
  let firstValue = tokens.length;
  while (firstValue > 0 && isCellValueText(tokens[firstValue - 1] ?? '')) firstValue -= 1;
  if (firstValue === tokens.length) return [trimmed];
  const label = tokens.slice(0, firstValue).join(' ');
  return label === '' ? tokens.slice(firstValue) : [label, ...tokens.slice(firstValue)];
}
