/**
 * Canonical form of a printed label: NFKC (full-width brackets, digits and
 * punctuation become ASCII) and no white space, so that 其他法律行政法规禁止公开,
 * "2. 其他法律 行政法规禁止公开" and "（三）不予公开" compare as the template writes them.
 */
export function normalizeLabel(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').replace(/[“”"]/g, '"');
}

export function labelMatches(label: string, match: { contains: string[]; endsWith?: string[] }): boolean {
  const normalized = normalizeLabel(label);
  return (
    match.contains.some((alias) => normalized.includes(normalizeLabel(alias))) ||
    (match.endsWith ?? []).some((alias) => stripTrailingPunctuation(normalized).endsWith(normalizeLabel(alias)))
  );
}

function stripTrailingPunctuation(text: string): string {
  return text.replace(/[\s.,:;)。，：；、]+$/u, '');
}
