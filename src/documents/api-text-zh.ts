import { T3_BLOCK_HEADINGS } from '../template/t3.template';
import { STATUS_MARK_ZH } from './profile/profile-words.data';

/**
 * The API's own sentences (a null value's reason, a parse warning) in Chinese for the
 * documents. A sentence of a shape not listed here is shown as the API wrote it,
 * marked 接口原文, never dropped.
 */

const STATUS_ZH: Readonly<Record<string, string>> = { ...STATUS_MARK_ZH, NUMBER: '数字', ZERO: '0' };
const TRAIT_ZH: Readonly<Record<string, string>> = { year: '年度', level: '级别', region: '地区', 'parent agency': '上级单位', 'template generation': '模板版本' };

/** `t3/new/total is BLANK` (or `2022 t3/new/total is NA`): a cell that holds no number. */
function unreadZh(text: string): string | undefined {
  const match = /^(?:(\d{4}) )?(\S+) is ([A-Z]+)$/.exec(text);
  if (!match || !STATUS_ZH[match[3]!]) return undefined;
  return `${match[1] ? `${match[1]} 年 ` : ''}${match[2]} 为${STATUS_ZH[match[3]!]}`;
}

const REASONS: readonly [RegExp, (match: RegExpExecArray) => string | undefined][] = [
  [/^input missing: (.+)$/, (m) => {
    const parts = m[1]!.split(', ').map(unreadZh);
    return parts.every((p) => p !== undefined) ? `缺少输入：${parts.join('，')}` : undefined;
  }],
  [/^denominator (.+) is 0$/, (m) => `分母 ${m[1]} 为 0`],
  [/^no report for (\d{4})$/, (m) => `${m[1]} 年无报告`],
  [/^(\d{4}) value is 0$/, (m) => `${m[1]} 年的数值为 0`],
  [/^this year: (.+)$/, (m) => withPrefix('本年：', m[1]!)],
  [/^(\d{4}): (.+)$/, (m) => withPrefix(`${m[1]} 年：`, m[2]!)],
  [/^the report is no longer stored$/, () => '报告已不在库中'],
  [/^the agency has no (.+), which the peer group \(.+\) needs$/, (m) => {
    const traits = m[1]!.split(' and no ').map((noun) => TRAIT_ZH[noun]);
    return traits.every((t) => t !== undefined) ? `本单位未登记${traits.join('、')}，无法确定同类报告` : undefined;
  }],
  [/^the peer group \(.+\) has (\d+) reports? with a value for (\S+), fewer than the (\d+) a benchmark needs$/, (m) => `同类报告中 ${m[2]} 有数值的仅 ${m[1]} 份，少于所需的 ${m[3]} 份`],
  [/^\S+ is [A-Z]+$/, (m) => unreadZh(m[0])],
];

function withPrefix(prefix: string, rest: string): string | undefined {
  const inner = translated(rest);
  return inner === undefined ? undefined : `${prefix}${inner}`;
}

function translated(reason: string): string | undefined {
  for (const [pattern, render] of REASONS) {
    const match = pattern.exec(reason);
    if (match) return render(match);
  }
  return undefined;
}

/** Why a value is null, in Chinese; an unlisted sentence as 接口原文. */
export function reasonZh(reason: string): string {
  return translated(reason) ?? `接口原文：${reason}`;
}

/** What each parse warning code means (the API's message follows as 接口原文). */
const PARSE_WARNING_ZH: Readonly<Record<string, string>> = {
  PART_NOT_FOUND: '未找到六个部分之一的标题',
  TABLES_NOT_READ: '表格不属于可识别的模板版本，未读取',
  TABLE_NOT_FOUND: '未找到某一表格的数据',
  ROW_NOT_FOUND: '表格中未找到模板的某一行',
  UNRECOGNISED_ROW: '表格中有数值行的标签不属于模板',
  EXTRA_CELLS: '某行印出的数值多于该行的单元格',
  LOST_CELL: '某行印出的数值少于该行的单元格',
  INFERRED_CELL: '缺失的单元格按表内勾稽关系推算',
  SINGLE_ROW_BLOCK: `2021 年版表格将“${T3_BLOCK_HEADINGS.other}”印为一行`,
  UNREADABLE_VALUE: '数值无法读取（非数字或超出范围）',
  TRUNCATED: '文本在表格中途截断，其后内容未读取',
};

export function parseWarningZh(code: string): string {
  return PARSE_WARNING_ZH[code] ?? code;
}

/** The words of the metric dictionary's formulas (basis, generation, reportCompleteness's counts) in Chinese; addresses stay as they are. */
const FORMULA_WORDS: readonly [string, string][] = [
  ['on G3 reports ', '2021 年版报告：'],
  ['; on G2 reports ', '；2019 年版报告：'],
  ['TOTAL: ', '按全部案件：'],
  ['; DECIDED: ', '；按已审结案件：'],
  ['parts found', '找到的部分数'],
  ['template cells not MISSING', '非缺失的模板单元格数'],
  ["template cells of the report's generation", '本报告模板版本的单元格数'],
  ['UNRECOGNISED', '未识别'],
];

export function formulaZh(formula: string): string {
  return FORMULA_WORDS.reduce((text, [english, chinese]) => text.split(english).join(chinese), formula);
}
