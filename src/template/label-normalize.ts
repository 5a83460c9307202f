import type { LabelMatch } from './template.types';

/**
 * Canonical form of a printed label: NFKC (full-width brackets, digits and
 * punctuation become ASCII) and no white space, so that 其他法律行政法规禁止公开,
 * "2. 其他法律 行政法规禁止公开" and "（三）不予公开" compare as the template writes them.
 */
export function normalizeLabel(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').replace(/[“”"]/g, '"');
}

export function labelMatches(label: string, match: LabelMatch): boolean {
  const normalized = normalizeLabel(label);
  return (
    match.contains.some((alias) => normalized.includes(normalizeLabel(alias))) ||
    (match.endsWith ?? []).some((alias) => stripTrailingPunctuation(normalized).endsWith(normalizeLabel(alias)))
  );
}

function stripTrailingPunctuation(text: string): string {
  return text.replace(/[\s.,:;)。，：；、]+$/u, '');
}

/**
 * A label a table cell wraps around its values, one part printed above their
 * line and one below: the row the two parts name together. The part after
 * counts only when neither part names a row alone (a part that does is a label
 * of its own, the next row's) and the joined label names exactly one row.
 */
export function wrappedLabelMatch(before: string, after: string, matches: readonly LabelMatch[]): number | undefined {
  if (normalizeLabel(after) === '') return undefined;
  if (matches.some((match) => labelMatches(before, match) || labelMatches(after, match))) return undefined;
  const named = matches.flatMap((match, index) => (labelMatches(`${before}${after}`, match) ? [index] : []));
  return named.length === 1 ? named[0] : undefined;
}
