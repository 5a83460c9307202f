import { formatCount, formatRate } from './format-number';
import { escapeHtml } from './html-escape';

/** A rate or a count, written as the profile writes it (format-number.ts). */
export function formatNumber(value: number, isRate: boolean): string {
  return isRate ? formatRate(value) : formatCount(value);
}

/**
 * A number in the page: shown rounded, its exact GraphQL value in data-value, and what it is in data-field
 * (`completionRate`, `completionRate.rank`…) so a reader can match it with the query's answer; null shows —.
 */
export function numberSpan(value: number | null | undefined, field: string, shown: (value: number) => string): string {
  if (value === null || value === undefined) return `<span class="muted" data-field="${escapeHtml(field)}">—</span>`;
  return `<span data-field="${escapeHtml(field)}" data-value="${value}">${escapeHtml(shown(value))}</span>`;
}
