import { PLAUSIBILITY_THRESHOLDS } from '../../checks/plausibility-thresholds.data';
import { MIN_PEER_COUNT, PEER_TRAIT_NOUNS, type PeerGroup, type PeerTrait } from '../../figures/peer-group';
import { tablesOf } from '../../template/tables.template';

/** The words of the agency profile that are not the template's or the metric dictionary's: kept here as data. */

export const LEVEL_ZH: Readonly<Record<string, string>> = {
  PROVINCE: '省级',
  CITY: '市级',
  COUNTY: '县级',
  TOWNSHIP: '乡镇级',
  DEVELOPMENT_ZONE: '开发区',
  DEPARTMENT: '部门',
  OTHER: '其他',
};

export const GENERATION_ZH: Readonly<Record<string, string>> = { G3: '2021年版模板', G2: '2019年版模板', UNRECOGNISED: '未识别的模板' };

export const FORMAT_ZH: Readonly<Record<string, string>> = { TEXT: '文本', MARKDOWN: 'Markdown', HTML: '网页（HTML）', PDF: 'PDF' };

/** How a cell that holds no number is marked (NUMBER and ZERO show their value). */
export const STATUS_MARK_ZH: Readonly<Record<string, string>> = { BLANK: '空白', NA: '不适用', MISSING: '缺失' };

export const INFERRED_MARK = '推算';
export const CORRECTED_MARK = '已更正';

export const SEVERITY_ZH: Readonly<Record<string, string>> = { ERROR: '错误', WARNING: '提示' };

export const VERDICT_ZH: Readonly<Record<string, string>> = { CONFIRMED_ERROR: '确认有误', EXPLAINED: '已说明原因', FALSE_ALARM: '误报' };

const PEER_TRAIT_ZH: Readonly<Record<PeerTrait, string>> = { sameYear: '同一年度', sameLevel: '同一级别', sameRegion: '同一地区', sameParent: '同一上级单位', sameGeneration: '同一模板版本' };

/** The peer group in Chinese, e.g. 同一年度的报告（含本报告）. */
export function peerGroupZh(group: PeerGroup): string {
  const traits = (Object.keys(PEER_TRAIT_NOUNS) as PeerTrait[]).filter((trait) => group[trait]);
  return traits.length === 0 ? '全部报告（含本报告）' : `${traits.map((t) => PEER_TRAIT_ZH[t]).join('、')}的报告（含本报告）`;
}

/** The profile's benchmarks use the API's default peers: the reports of the same year. */
export const PROFILE_PEER_GROUP: PeerGroup = { sameYear: true, sameLevel: false, sameRegion: false, sameParent: false, sameGeneration: false };

export const MIN_PEERS = MIN_PEER_COUNT;

const { jump, rate, peerZero, peerUnprinted } = PLAUSIBILITY_THRESHOLDS;
const [t2, t3, t4] = tablesOf('G3');
const column = (table: typeof t3, code: string) => table!.columns.find((c) => c.code === code)!.label;
const row = (table: typeof t3, code: string) => table!.rows.find((r) => r.code === code)!.label;

/** Each check family in Chinese: what it requires. The thresholds come from the checks' own data. */
export const CHECK_FAMILY_ZH: Readonly<Record<string, string>> = {
  't3.rowTotal': `表三每一行：${column(t3, 'total')}等于各类申请人之和`,
  't3.balance': `表三每一列：${row(t3, 'new')} + ${row(t3, 'carriedOver')} = 办理结果合计 + 结转下年度`,
  't3.resultsSum': '表三每一列：办理结果合计等于各项办理结果之和',
  't4.rowTotal': `表四每一行：${column(t4, 'total')} = ${['upheld', 'corrected', 'other', 'pending'].map((c) => column(t4, c)).join(' + ')}`,
  nonNegative: '各表：件数为不小于 0 的整数（金额可有小数）',
  'crossYear.carryOver': `表三每一列：${row(t3, 'carriedOver')}等于上一年度报告的${row(t3, 'carriedForward')}`,
  'crossYear.stock': `表二${row(t2, 'regulations')}、${row(t2, 'normativeDocuments')}：${column(t2, 'inForce')} = 上年${column(t2, 'inForce')} + ${column(t2, 'issued')} − ${column(t2, 'repealed')}`,
  narrative: '正文第一部分所述数字（收到申请、结转、办结、办结率、复议、诉讼）与表格一致',
  completeness: '六个部分齐全；第五部分有内容；第六部分提及表格所示的收费',
  generation: '2021 年及以后的报告使用 2021 年版模板；2019、2020 年使用 2019 或 2021 年版',
  'plausibility.jump': `与上一年度相比，本年数值不超过上年的 ${jump.ratioAbove} 倍、不低于 ${jump.ratioBelow} 倍（上年不少于 ${jump.minPrevious} 时判断）`,
  'plausibility.rate': `比率类指标在 [${rate.min}, ${rate.max}] 之内`,
  'plausibility.peerZero': `关注单元格填 0，而同类报告（至少 ${MIN_PEER_COUNT} 份有数值）的中位数大于 ${peerZero.medianAbove}`,
  'plausibility.peerUnprinted': `关注单元格空白或不适用，而同类报告（至少 ${MIN_PEER_COUNT} 份）中至少 ${peerUnprinted.printedShareAtLeast * 100}% 填报了数值`,
};

export function checkFamilyZh(rule: string): string {
  return CHECK_FAMILY_ZH[rule] ?? rule;
}
