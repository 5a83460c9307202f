import { titleStart } from './parse-title';

/** Page numbers printed between a saved page's lines: "第 3 页", "第3页 共12页", "共12页 第3页", "- 3 -", "—3—", "3/12", "Page 3 of 12". */
const PAGE_NUMBER = /^(第\d+页([,，]?共\d+页)?|共\d+页[,，]?第\d+页|[-—–]\d+[-—–]|\d+\/\d+|page\d+((of|\/)\d+)?)$/i;

/**
 * Text saved from a web page or a printed document with what is not the
 * report taken out: the site's navigation before the report's title, and page
 * numbers, which would otherwise sit between a table's rows or break a run of
 * cells. They become blank lines, so every line keeps its number.
 */
export function withoutPageClutter(text: string): string {
  const lines = text.split('\n');
  const printed = lines.flatMap((line, index) => (line.trim() === '' ? [] : [index]));
  const title = titleStart(printed.map((index) => lines[index]!));
  const start = title < 0 ? 0 : printed[title]!;
  return lines.map((line, index) => (index < start || isPageNumber(line) ? '' : line)).join('\n');
}

export function isPageNumber(line: string): boolean {
  return PAGE_NUMBER.test(line.normalize('NFKC').replace(/\s+/g, ''));
}
