const PIPE_ROW = /^\s*\|.*\|\s*$/;
const SEPARATOR_ROW = /^\s*\|?(\s*:?-{3,}:?\s*\|)+\s*(:?-{3,}:?\s*)?\|?\s*$/;

/** Text with pipe tables (`| 一、本年新收… | 8 | 0 | … |`) and Markdown headings. */
export function isMarkdown(text: string): boolean {
  const lines = text.split('\n');
  return lines.some((line) => SEPARATOR_ROW.test(line)) && lines.filter((line) => PIPE_ROW.test(line)).length >= 3;
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
