import type { RowTemplate, TableTemplate } from './template.types';

function row(code: string, label: string, contains: string[], endsWith?: string[]): RowTemplate {
  return { code, label, match: { contains, endsWith } };
}

/** 三、收到和处理政府信息公开申请情况 — 25 rows × 7 columns, in template order. */
export const T3_TEMPLATE: TableTemplate = {
  code: 't3',
  title: '收到和处理政府信息公开申请情况',
  columns: [
    { code: 'naturalPerson', label: '自然人' },
    { code: 'commercial', label: '商业企业' },
    { code: 'research', label: '科研机构' },
    { code: 'socialWelfare', label: '社会公益组织' },
    { code: 'legalServices', label: '法律服务机构' },
    { code: 'otherOrg', label: '其他' },
    { code: 'total', label: '总计' },
  ],
  rows: [
    row('new', '一、本年新收政府信息公开申请数量', ['本年新收']),
    row('carriedOver', '二、上年结转政府信息公开申请数量', ['上年结转']),
    row('granted', '（一）予以公开', ['予以公开']),
    row('partiallyGranted', '（二）部分公开', ['部分公开']),
    row('denied.stateSecret', '1.属于国家秘密', ['国家秘密']),
    row('denied.prohibitedByLaw', '2.其他法律行政法规禁止公开', ['禁止公开', '行政止公开']),
    row('denied.securityStability', '3.危及“三安全一稳定”', ['三安全一稳定', '危及']),
    row('denied.thirdPartyRights', '4.保护第三方合法权益', ['第三方合法权益', '保护第三方']),
    row('denied.internalAffairs', '5.属于三类内部事务信息', ['内部事务']),
    row('denied.processInfo', '6.属于四类过程性信息', ['过程性信息']),
    row('denied.enforcementFiles', '7.属于行政执法案卷', ['执法案卷']),
    row('denied.inquiryMatters', '8.属于行政查询事项', ['查询事项']),
    row('unable.notHeld', '1.本机关不掌握相关政府信息', ['不掌握']),
    row('unable.needsCreation', '2.没有现成信息需要另行制作', ['另行制作', '没有现成信息']),
    row('unable.unclear', '3.补正后申请内容仍不明确', ['仍不明确', '补正后申请内容']),
    row('notProcessed.petition', '1.信访举报投诉类申请', ['信访举报投诉']),
    row('notProcessed.duplicate', '2.重复申请', ['重复申请']),
    row('notProcessed.publication', '3.要求提供公开出版物', ['公开出版物']),
    row('notProcessed.excessive', '4.无正当理由大量反复申请', ['大量反复申请']),
    row('notProcessed.confirmation', '5.要求行政机关确认或重新出具已获取信息', ['确认或重新出具', '重新出具已获取']),
    row('other.noCorrection', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', ['逾期不补正']),
    row('other.noFee', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', ['收费通知', '缴纳费用']),
    row('other.other', '3.其他', [], ['其他']),
    row('resultsTotal', '（七）总计', [], ['总计']),
    row('carriedForward', '四、结转下年度继续办理', ['结转下年度']),
  ],
};

/** The rows of 三、本年度办理结果 that add up to （七）总计: from 予以公开 to the row before 总计. */
export function resultRowsOf(t3: TableTemplate): string[] {
  const codes = t3.rows.map((r) => r.code);
  return codes.slice(codes.indexOf('granted'), codes.indexOf('resultsTotal'));
}

export const T3_RESULT_ROWS: readonly string[] = resultRowsOf(T3_TEMPLATE);

export const T3_APPLICANT_COLUMNS: readonly string[] = T3_TEMPLATE.columns
  .map((c) => c.code)
  .filter((code) => code !== 'total');

/** The heading the template prints over t3's results, from 予以公开 to （七）总计. */
export const T3_RESULTS_HEADING = '三、本年度办理结果';

/** The headings the template prints over t3's blocks of rows (a row `denied.stateSecret` is under `denied`'s heading). */
export const T3_BLOCK_HEADINGS: Readonly<Record<string, string>> = {
  denied: '（三）不予公开',
  unable: '（四）无法提供',
  notProcessed: '（五）不予处理',
  other: '（六）其他处理',
};

/** A block of t3 rows that the 2019 layout prints as one row: its heading and its rows. */
export interface CollapsibleBlock {
  code: string;
  match: { contains: string[] };
  rows: readonly string[];
}

/** （六）其他处理: three rows in the 2021 layout, one in the 2019 layout (and in 2021 tables that kept it). */
export const T3_COLLAPSIBLE_BLOCKS: readonly CollapsibleBlock[] = [{ code: 'other', match: { contains: ['其他处理'] }, rows: ['other.noCorrection', 'other.noFee', 'other.other'] }];

/** t3 in the 2019 (G2) layout: the G3 rows, with （六）其他处理 one row of its own code (`other`), the sum of G3's three. */
export const T3_G2_TEMPLATE: TableTemplate = {
  ...T3_TEMPLATE,
  rows: T3_TEMPLATE.rows.flatMap((r) => {
    const block = T3_COLLAPSIBLE_BLOCKS.find((b) => b.rows.includes(r.code));
    if (!block) return [r];
    return block.rows[0] === r.code ? [{ code: block.code, label: T3_BLOCK_HEADINGS[block.code]!, match: block.match }] : [];
  }),
};
