import { escapeHtml } from './html-escape';

/** A rate as a percentage with one decimal (0.6210526 → 62.1%), a count as a grouped whole number. */
export function formatNumber(value: number, isRate: boolean): string {
  return isRate ? `${(value * 100).toFixed(1)}%` : value.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
}

/**
 * A number in the page: shown rounded, its exact GraphQL value in data-value, and what it is in data-field
 * (`completionRate`, `completionRate.rank`…) so a reader can match it with the query's answer; null shows —.
 */
export function numberSpan(value: number | null | undefined, field: string, shown: (value: number) => string): string {
  if (value === null || value === undefined) return `<span class="muted" data-field="${escapeHtml(field)}">—</span>`;
  return `<span data-field="${escapeHtml(field)}" data-value="${value}">${escapeHtml(shown(value))}</span>`;
}
