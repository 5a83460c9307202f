/** Full-width `｜` prints as `|`. */
const PIPE = /[|｜]/g;
/** A line of pipes only (`|`, `||||`): what saving a page as text leaves of empty cells and row ends. */
const PIPES_ONLY = /^[\s|｜]+$/;
/** A header rule under a row: `---|---|---`, `| :--- | ---: |`, `+----+----+`. */
const RULE_LINE = /^(?=.*[|｜+])(?=.*(-{3}|={3}))[\s|｜:+=-]+$/;
/** Lines with cells before the text is taken as pipe- or space-delimited. */
const MIN_ROWS = 3;
/** Two or more spaces between cells of a row laid out in columns. */
const SPACE_RUN = /[ \u00a0\u3000]{2,}/;

/**
 * Table text as web-to-text tools save it, in the shape the parser reads: a
 * row's cells separated by tabs. Cells separated by `|` or `｜` (leading and
 * trailing pipes dropped, empty padding cells kept empty), or, in text without
 * tabs or pipes, by runs of spaces; lines of pipes only and header rules
 * become blank lines. A cell on a line of its own (`0 |`) stays alone on its
 * line, for joinCellLines. Every line keeps its number. Text with none of
 * these shapes comes back as it was.
 */
export function delimitedText(text: string): string {
  const lines = text.split('\n');
  if (lines.filter(isPipeRow).length >= MIN_ROWS) return lines.map(pipeLine).join('\n');
  if (!lines.some((line) => line.includes('\t')) && lines.filter(isSpaceRow).length >= MIN_ROWS) return lines.map(spaceLine).join('\n');
  return text;
}

function isPipeRow(line: string): boolean {
  return /[|｜]/.test(line) && !RULE_LINE.test(line);
}

function pipeLine(line: string): string {
  if (PIPES_ONLY.test(line) || RULE_LINE.test(line)) return '';
  if (!/[|｜]/.test(line)) return line;
  const cells = line.trim().replace(PIPE, '|').split('|');
  if (cells[0]!.trim() === '' && /^\s*[|｜]/.test(line)) cells.shift();
  if (cells.length > 1 && cells.at(-1)!.trim() === '') cells.pop();
  return cells.map((cell) => cell.trim()).join('\t');
}

function isSpaceRow(line: string): boolean {
  return line.trim().split(SPACE_RUN).length >= 2;
}

function spaceLine(line: string): string {
  const cells = line.trim().split(SPACE_RUN);
  return cells.length < 2 ? line : cells.join('\t');
}
