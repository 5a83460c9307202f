const PIPE_ROW = /^\s*\|.*\|\s*$/;
const SEPARATOR_ROW = /^\s*\|?(\s*:?-{3,}:?\s*\|)+\s*(:?-{3,}:?\s*)?\|?\s*$/;

/** Text with pipe tables (`| 一、本年新收… | 8 | 0 | … |`) and Markdown headings. */
export function isMarkdown(text: string): boolean {
  const lines = text.split('\n');
  // A table's header row starts with a pipe, as pipe tables print it; rows of pipes only (`||||`) are what saving a web page as text leaves of empty cells.
  const isRow = (line: string) => PIPE_ROW.test(line) && /[^\s|]/.test(line);
  return lines.some((line, index) => SEPARATOR_ROW.test(line) && isRow(lines[index - 1] ?? '')) && lines.filter(isRow).length >= 3;
}

/**
 * Markdown as text in the shape the parser reads: a pipe-table row becomes
 * its cells separated by tabs, the row under a table's header goes, and
 * heading marks and emphasis go from the words.
 */
export function markdownText(text: string): string {
  return text
    .split('\n')
    .filter((line) => !SEPARATOR_ROW.test(line))
    .map((line) => {
      if (!PIPE_ROW.test(line)) return line.replace(/^\s{0,3}#{1,6}\s+/, '').replace(/\*\*|__/g, '');
      return line
        .trim()
        .replace(/^\||\|$/g, '')
        .split(/(?<!\\)\|/)
        .map((cell) => cell.replace(/\\\|/g, '|').replace(/\*\*|__/g, '').trim())
        .join('\t');
    })
    .join('\n');
}
