const PIPE_ROW = /^\s*\|.*\|\s*$/;
/** A pipe between cells, not one escaped inside a cell (`\|`). */
const CELL_PIPE = /(?<!\\)\|/;
const SEPARATOR_ROW = /^\s*\|?(\s*:?-{3,}:?\s*\|)+\s*(:?-{3,}:?\s*)?\|?\s*$/;

/** Text with pipe tables (`| 一、本年新收… | 8 | 0 | … |`) and Markdown headings. */
export function isMarkdown(text: string): boolean {
  const lines = text.split('\n');
  return lines.some((line, index) => SEPARATOR_ROW.test(line) && isPipeTable(lines, index)) && lines.filter(isContentRow).length >= 3;
}

/**
 * A separator inside a pipe table: every line of its block, up to the blank
 * lines around it, printed between pipes. Text saved from a web page prints
 * most rows without a leading pipe, and its rule lines sit among them.
 */
function isPipeTable(lines: readonly string[], separator: number): boolean {
  let start = separator;
  while (start > 0 && lines[start - 1]!.trim() !== '') start -= 1;
  let end = separator;
  while (end + 1 < lines.length && lines[end + 1]!.trim() !== '') end += 1;
  const block = lines.slice(start, end + 1);
  return block.every((line) => PIPE_ROW.test(line) || SEPARATOR_ROW.test(line)) && block.some(isContentRow);
}

/** A pipe row with something in it, not a row of pipes only (`||||`). */
function isContentRow(line: string): boolean {
  return PIPE_ROW.test(line) && /[^\s|]/.test(line);
}

/**
 * Markdown as text in the shape the parser reads: a pipe-table row (any line
 * with a pipe between cells) becomes its cells separated by tabs, the row
 * under a table's header becomes a blank line, and heading marks and
 * emphasis go from the words.
 */
export function markdownText(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      // A blank line, not none, so every later line keeps its number.
      if (SEPARATOR_ROW.test(line)) return '';
      // A row may leave out its leading or trailing pipe (`规章 | 0 | 0 | 0 |`), as tables without them are written too.
      if (!PIPE_ROW.test(line) && !CELL_PIPE.test(line)) return line.replace(/^\s{0,3}#{1,6}\s+/, '').replace(/\*\*|__/g, '');
      return line
        .trim()
        .replace(/^\||\|$/g, '')
        .split(/(?<!\\)\|/)
        .map((cell) => cell.replace(/\\\|/g, '|').replace(/\*\*|__/g, '').trim())
        .join('\t');
    })
    .join('\n');
}
