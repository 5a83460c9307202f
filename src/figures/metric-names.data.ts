import type { FigureName } from './figure-definitions';

/** The names Chinese analysts customarily give the figures, after the template's own wording (本年新收, 予以公开, 不予公开…). */
export const FIGURE_NAMES_ZH: Record<FigureName, string> = {
  applicationsReceived: '本年新收申请数',
  applicationsToHandle: '本年应办理申请数',
  completionRate: '办结率',
  disclosureRate: '公开率',
  fullDisclosureRate: '予以公开率',
  denialRate: '不予公开率',
  unableRate: '无法提供率',
  notProcessedRate: '不予处理率',
  otherRate: '其他处理率',
  carryForwardRate: '结转下年度率',
  organizationShare: '法人或其他组织申请占比',
  reviewCorrectionRate: '行政复议纠错率',
  litigationCorrectionRate: '行政诉讼纠错率',
  disputeRate: '复议诉讼发生率',
  reportCompleteness: '年报完整度',
};

/** What a reader of each figure must know beyond its formula; caveats that follow from the definitions (basis, generation, pooling) are written out by the dictionary. */
export const FIGURE_CAVEATS: Record<FigureName, readonly string[]> = {
  applicationsReceived: ['Counts applications, not applicants: one person applying three times counts three.'],
  applicationsToHandle: ['Carried over (二、上年结转) is what the report prints, which may differ from the 结转下年度继续办理 of the agency\'s report of the year before (a cross-year check compares them).'],
  completionRate: ['Above 1 only when the report\'s t3 does not add up (一 + 二 ≠ （七）总计 + 四); the table checks flag such a report.'],
  disclosureRate: ['Counts partial disclosure (部分公开) as disclosed; fullDisclosureRate counts only 予以公开.'],
  fullDisclosureRate: ['Leaves out partial disclosure (部分公开); disclosureRate counts it.'],
  denialRate: ['Sums the eight grounds of refusal (1.属于国家秘密 … 8.属于行政查询事项): null when any one of them is not a number.'],
  unableRate: ['Sums the three rows of （四）无法提供: null when any one of them is not a number.'],
  notProcessedRate: ['Sums the five rows of （五）不予处理, petitions and complaints (信访举报投诉类申请) among them.'],
  otherRate: ['（六）其他处理 gathers unlike outcomes (no supplement given, fees unpaid, anything else), so its rate says little about any one of them.'],
  carryForwardRate: ['Applications still open at year end; a high rate late in a year of many applications need not mean slow handling.'],
  organizationShare: ['Computed as 总计 − 自然人: every applicant column but natural persons (商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他), so a misread natural-person cell shifts it.'],
  reviewCorrectionRate: ['Cases are counted in the year the report gives them, not by the year of the application they concern.'],
  litigationCorrectionRate: ['Pools lawsuits filed directly (未经复议直接起诉) and after review (复议后起诉).'],
  disputeRate: ['A ratio of cases to decided applications, not a share: it may exceed 1, as reviews and lawsuits of a year can concern applications of earlier years.'],
  reportCompleteness: [
    'Not a sum of cells: counts the six parts found and the template cells of the report\'s generation that are not MISSING, so it has no numerator or denominator terms.',
    'A cell printed BLANK or NA counts as present; only MISSING cells lower it.',
    'Never null: a report in no recognised generation is measured on its parts alone.',
  ],
};
