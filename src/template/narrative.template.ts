/** Figures a report's text states about its own tables, and how they are phrased (after NFKC, without white space). */
export interface NarrativeStatement {
  name: 'applicationsReceived' | 'carriedOver' | 'completed' | 'carriedForward' | 'completionRate' | 'reviews' | 'lawsuits';
  /** Each captures the stated number in group 1. */
  patterns: RegExp[];
  /** Phrases that state the figure is zero (未收到…申请). */
  zeroPatterns?: RegExp[];
  /** The table cells whose sum the statement describes; a percentage compares with completionRate instead. */
  cells?: string[];
  percentOf?: 'completionRate';
}

const KIND = '(?:政府信息公开|信息公开|依申请公开)?';
const COUNT = '(\\d+)(?:件|条|个|起)';
const NONE = '未(?:发生|收到|产生|出现|接到)[^。；，,]*?';

export const NARRATIVE_STATEMENTS: readonly NarrativeStatement[] = [
  {
    name: 'applicationsReceived',
    patterns: [new RegExp(`(?:共|新|累计)?(?:收到|受理)(?:各类)?${KIND}申请(?:共)?${COUNT}`), new RegExp(`(?:共|新|累计)?(?:收到|受理)(\\d+)件${KIND}申请`), new RegExp(`新收${KIND}申请${COUNT}`)],
    zeroPatterns: [/未(?:收到|接到|受理)[^。；，,]*申请/],
    cells: ['t3/new/total'],
  },
  { name: 'carriedOver', patterns: [new RegExp(`上一?年度?结转${KIND}(?:申请)?${COUNT}`)], cells: ['t3/carriedOver/total'] },
  { name: 'completed', patterns: [new RegExp(`办结${KIND}(?:申请)?${COUNT}`)], cells: ['t3/resultsTotal/total'] },
  { name: 'carriedForward', patterns: [new RegExp(`(?:结转|转)(?:至|到|入)?下一?年度?(?:继续)?(?:办理)?${COUNT}`)], cells: ['t3/carriedForward/total'] },
  { name: 'completionRate', patterns: [/办结率(?:为|达|达到)?(\d+(?:\.\d+)?)%/], percentOf: 'completionRate' },
  {
    name: 'reviews',
    patterns: [new RegExp(`行政复议(?:案件)?${COUNT}`), /(\d+)(?:件|起)[^。；，,]{0,6}行政复议/],
    zeroPatterns: [new RegExp(`${NONE}行政复议`)],
    cells: ['t4/review/total'],
  },
  {
    name: 'lawsuits',
    patterns: [new RegExp(`行政诉讼(?:案件)?${COUNT}`), /(\d+)(?:件|起)[^。；，,]{0,6}行政诉讼/],
    zeroPatterns: [new RegExp(`${NONE}行政诉讼`)],
    cells: ['t4/litigationDirect/total', 't4/litigationAfterReview/total'],
  },
];

/** The parts whose text is narrative about the year (一、总体情况 and its sub-parts). */
export const NARRATIVE_SECTION_CODES = ['1', '1.1', '1.2', '1.3', '1.4', '1.5'];

/** How part 六 mentions charges, clause by clause (after NFKC, without white space). */
export const CHARGE_MENTION = {
  /** Words that mention charges. */
  words: /收费|费用|处理费/,
  /** A clause that says none were made: 未收取, 不收取, 未收费, 没有收取, 无收取, 免收, 未曾收取, 未向申请人收取 … (未按收费通知 is not one). */
  denied: /(?:未|不|没有|没|无|免)(?:予|曾|再|向申请人|对申请人)?(?:收取|征收|收)/,
  /** Where one clause ends and the next begins. */
  clauseBreak: /[，,。；;：:！!？?]/,
} as const;
