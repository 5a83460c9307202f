import { PARTS } from '../template/parts.template';
import { CHINESE_NUMERAL_CLASS, chineseNumber } from './chinese-numerals';
import { isPartHeading } from './parse-sections';
import type { SourceLine } from './parsed-report.types';

export interface TitleRead {
  agencyName: string | null;
  year: number | null;
  title: string | null;
  /** Index in the lines just after the title. */
  end: number;
}

const YEAR = `((?:19|20)\\d{2}|[${CHINESE_NUMERAL_CLASS}]{4})`;
const TITLE = new RegExp(`^(.*?)${YEAR}年度?(.*报告)$`);
const UNDATED_TITLE = /^(.*?)(?:政府信息公开|政务公开).*年度报告$/;
/** A site's breadcrumbs and links to other pages: separators of a path, or the words that start them. */
const NAVIGATION = /[>»›]|^(上一篇|下一篇|上一条|下一条|当前位置|您当前的位置|您的位置|相关链接|热点|推荐)/;
/** Lines a title may sit in before the first part heading. */
const TITLE_SEARCH_LINES = 12;

/**
 * Title styles: "驻马店经济开发区招商局 2023 年政府信息公开工作年度报告" on one line,
 * or the agency on one line and "2023年政府信息公开工作年度报告" on the next.
 */
export function parseTitle(lines: readonly SourceLine[]): TitleRead {
  const texts: { index: number; text: string }[] = [];
  for (let index = 0; index < lines.length && texts.length < TITLE_SEARCH_LINES; index += 1) {
    const text = compact(lines[index]!.text);
    if (text !== '') texts.push({ index, text });
  }
  const i = titleIndex(texts.map((t) => t.text), (text) => TITLE.test(text) || UNDATED_TITLE.test(text));
  if (i >= 0) {
    const match = (TITLE.exec(texts[i]!.text) ?? UNDATED_TITLE.exec(texts[i]!.text))!;
    const year = match[2] === undefined ? null : (chineseNumber(match[2]) ?? null);
    const printedAgency = stripPunctuation(match[1]!);
    const agencyLine = printedAgency === '' && i > 0 ? texts[i - 1]!.text : null;
    const agencyName = printedAgency !== '' ? printedAgency : agencyLine !== null ? stripPunctuation(agencyLine) : null;
    const title = agencyLine !== null ? `${agencyLine}${texts[i]!.text}` : texts[i]!.text;
    return { agencyName: agencyName || null, year, title, end: texts[i]!.index + 1 };
  }
  return { agencyName: null, year: null, title: null, end: 0 };
}

/**
 * Where a dated title starts among lines of page text (its agency line when
 * the agency is printed on the line before), or -1.
 */
export function titleStart(lines: readonly string[]): number {
  const index = titleIndex(lines, (text) => TITLE.test(text), compact);
  if (index <= 0) return index;
  return stripPunctuation(TITLE.exec(compact(lines[index]!))![1]!) === '' ? index - 1 : index;
}

/**
 * Which of a page's first lines (compacted) is the report's title: the last
 * title-like line before part 一's heading, since a site's menu, breadcrumbs
 * and lists of other reports (上一篇：…2022年…年度报告) come before the title,
 * never between it and part 一; navigation lines are never a title. Without
 * part 一 in sight, the first title-like line.
 */
function titleIndex(lines: readonly string[], isTitle: (text: string) => boolean, textOf: (line: string) => string = (line) => line): number {
  let first = -1;
  let lastBeforePart = -1;
  let partSeen = false;
  for (let index = 0; index < lines.length; index += 1) {
    const text = textOf(lines[index]!);
    if (!partSeen && isPartHeading(text, PARTS[0]!, 1)) {
      if (lastBeforePart >= 0) return lastBeforePart;
      partSeen = true;
    } else if (isTitle(text) && !NAVIGATION.test(text)) {
      if (partSeen) return index;
      if (first < 0) first = index;
      lastBeforePart = index;
    }
  }
  return partSeen ? -1 : first;
}

/** The last short line holding a date, e.g. 2024年1月10日 or 二〇二四年一月十日. */
export function parsePublicationDate(lines: readonly SourceLine[]): string | null {
  const tail = lines.map((l) => compact(l.text)).filter((t) => t !== '').slice(-6).reverse();
  const date = new RegExp(`^${YEAR}年([${CHINESE_NUMERAL_CLASS}\\d]{1,3})月([${CHINESE_NUMERAL_CLASS}\\d]{1,3})日$`);
  for (const text of tail) {
    const match = date.exec(text);
    if (!match) continue;
    const [year, month, day] = [match[1]!, match[2]!, match[3]!].map(chineseNumber);
    if (year && month && day && month <= 12 && day <= 31) {
      return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    }
  }
  return null;
}

function compact(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

function stripPunctuation(text: string): string {
  return text.replace(/^[《“"]+|[》”"，,:：]+$/g, '').replace(/^关于/, '');
}
