import { escapeHtml } from './html-escape';

/** How a number is written in a document: counts (and amounts) as printed, rates as percentages with one decimal. */
export type NumberKind = 'count' | 'rate';

/** A count as an integer; an amount (万元) keeps its digits. */
export function formatCount(value: number): string {
  return String(value);
}

/** A share as a percentage with one decimal: 0.19047… is 19.0%. */
export function formatRate(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

export function formatNumber(value: number, kind: NumberKind): string {
  return kind === 'rate' ? formatRate(value) : formatCount(value);
}

/**
 * A number as shown: the formatted text, with the exact value GraphQL answered
 * in data-value and where it is in the answer in data-path. Null shows a dash.
 */
export function numberHtml(value: number | null | undefined, kind: NumberKind, path: string): string {
  if (value === null || value === undefined) return '<span class="muted">—</span>';
  return `<span class="n" data-value="${value}" data-path="${escapeHtml(path)}">${escapeHtml(formatNumber(value, kind))}</span>`;
}
