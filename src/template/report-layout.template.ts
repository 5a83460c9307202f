import { T3_BLOCK_HEADINGS, T3_RESULTS_HEADING } from './t3.template';

/** How the national template prints its tables as text (the samples' PDF-extracted layout), for rendering reports. */

/** Headings of the result blocks of t3, printed before their first row, with the ASCII brackets the samples' PDF text has. */
export const T3_BLOCK_LABELS: Record<string, string> = {
  granted: T3_RESULTS_HEADING,
  ...Object.fromEntries(Object.entries(T3_BLOCK_HEADINGS).map(([block, heading]) => [block, heading.replace(/（(.)）/, '($1) ')])),
};

export const T3_HEADER_LINES = [
  '(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\t\t申请人情况\t\t\t\t\t\t总计\t',
  '\t\t自然人\t法人或其他组织\t\t\t\t\t\t',
  '\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\t',
];

/** The same header with its long labels broken over a further line, as sample 001 prints it. */
export const T3_BROKEN_HEADER_LINES = [
  '(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\t\t申请人情况\t\t\t\t\t总计',
  '\t\t自然人\t法人或其他组织\t\t\t\t',
  '\t\t\t商业企业\t科研机构\t社会公益\t法律服务\t',
  '',
  '\t\t\t\t\t组织\t机构\t\t\t',
];

export const T4_HEADER_LINES = [
  '行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t',
  '结果 维持\t结果 纠正\t其他 结果\t尚未 审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t',
  '\t\t\t\t\t结果 维持\t结果 纠正\t其他 结果\t尚未 审结\t总计\t结果 维持\t结果 纠正\t其他 结果\t尚未 审结\t总计',
];

/** t2 as printed: item groups of Art. 20, each with its header line and rows. */
export const T2_GROUPS: { heading: string; header: string; rows: string[] }[] = [
  { heading: '第二十条第（一）项', header: '信息内容\t本年制发件数\t本年废止件数\t现行有效件数', rows: ['regulations', 'normativeDocuments'] },
  { heading: '第二十条第（五）项', header: '信息内容\t本年处理决定数量', rows: ['licensing'] },
  { heading: '第二十条第（六）项', header: '信息内容\t本年处理决定数量', rows: ['penalty', 'coercion'] },
  { heading: '第二十条第（八）项', header: '信息内容\t本年收费金额（单位：万元）', rows: ['fees'] },
];

/** Label variants real reports print, as [the template's wording, the variant]. */
export const LABEL_VARIANTS: [string, string][] = [
  ['其他法律行政法规禁止公开', '其他法律法规禁止公开'],
  ['行政规范性文件', '规范性文件'],
  ['本机关不掌握相关政府信息', '本 机关不掌握相关 政府信息'],
  ['没有现成信息需要另行制作', '没有现成信息需要另行 制作'],
];
