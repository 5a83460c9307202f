import { normalizeLabel } from '../template/label-normalize';
import { HEADING_MAX_LENGTH, PARTS, type PartTemplate } from '../template/parts.template';
import { CHINESE_NUMERAL_CLASS, chineseNumber } from './chinese-numerals';
import type { ParsedSection, ParseWarning, SourceLine } from './parsed-report.types';

export interface SectionsRead {
  sections: ParsedSection[];
  /** Each found part's body lines (after its heading, up to the next part). */
  partLines: Map<string, SourceLine[]>;
}

const PART_NUMBER = new RegExp(`^([${CHINESE_NUMERAL_CLASS}]{1,2})[、.]`);
/** Sentence ends as a heading is compared (NFKC: ！？； are half-width). */
const SENTENCE_END = /[。!?;]$/;
const SUB_PART_NUMBER = new RegExp(`^\\(([${CHINESE_NUMERAL_CLASS}]{1,2})\\)`);

/** The six parts and the sub-parts of part 一, found by heading in template order. */
export function parseSections(lines: readonly SourceLine[], warnings: ParseWarning[]): SectionsRead {
  const sections: ParsedSection[] = [];
  const partLines = new Map<string, SourceLine[]>();
  let nextPart = 0;
  let current: { section: ParsedSection; ownLines: SourceLine[] } | undefined;
  let currentSub: { section: ParsedSection; ownLines: SourceLine[] } | undefined;
  const close = () => {
    for (const open of [current, currentSub]) if (open) open.section.text = bodyText(open.ownLines);
  };
  for (const line of lines) {
    const heading = normalizeLabel(line.text);
    const partIndex = PARTS.findIndex((part, index) => index >= nextPart && isPartHeading(heading, part, index + 1));
    if (partIndex >= 0) {
      close();
      for (const skipped of PARTS.slice(nextPart, partIndex)) warnPartMissing(skipped, warnings);
      const part = PARTS[partIndex]!;
      const section: ParsedSection = { code: part.code, title: line.text.trim(), text: '', line: line.number, page: null, children: [] };
      sections.push(section);
      current = { section, ownLines: [] };
      currentSub = undefined;
      partLines.set(part.code, []);
      nextPart = partIndex + 1;
      continue;
    }
    if (!current) continue;
    partLines.get(current.section.code)!.push(line);
    const subPart = PARTS[nextPart - 1]!.subParts?.find((sub) => isSubPartHeading(heading, sub, current!.section.children));
    if (subPart) {
      if (currentSub) currentSub.section.text = bodyText(currentSub.ownLines);
      const section: ParsedSection = { code: subPart.code, title: line.text.trim(), text: '', line: line.number, page: null, children: [] };
      current.section.children.push(section);
      currentSub = { section, ownLines: [] };
    } else {
      (currentSub ?? current).ownLines.push(line);
    }
  }
  close();
  for (const skipped of PARTS.slice(nextPart)) warnPartMissing(skipped, warnings);
  return { sections, partLines };
}

/** Whether a line, as normalizeLabel gives it, is the heading of the template's part `number`. */
export function isPartHeading(heading: string, part: PartTemplate, number: number): boolean {
  if (heading.length > HEADING_MAX_LENGTH || heading.startsWith('(')) return false;
  const numbered = PART_NUMBER.exec(heading);
  if (numbered && chineseNumber(numbered[1]!) !== number) return false;
  // An unnumbered short line that ends a sentence is narrative wrapped onto a line of its own.
  if (!numbered && SENTENCE_END.test(heading)) return false;
  return part.match.some((words) => words.every((word) => heading.includes(normalizeLabel(word))));
}

function isSubPartHeading(heading: string, sub: PartTemplate, found: ParsedSection[]): boolean {
  if (heading.length > HEADING_MAX_LENGTH || !SUB_PART_NUMBER.test(heading)) return false;
  if (found.some((s) => s.code === sub.code)) return false;
  return sub.match.some((words) => words.every((word) => heading.includes(normalizeLabel(word))));
}

function warnPartMissing(part: PartTemplate, warnings: ParseWarning[]): void {
  warnings.push({ code: 'PART_NOT_FOUND', message: `part ${part.title} not found` });
}

function bodyText(lines: readonly SourceLine[]): string {
  return lines
    .map((l) => l.text.trimEnd())
    .join('\n')
    .trim();
}
