import type { TableTemplate } from './template.types';

/** 四、行政复议、行政诉讼 — 3 rows × 5 columns, printed as one row of 15 in this order. */
export const T4_TEMPLATE: TableTemplate = {
  code: 't4',
  title: '政府信息公开行政复议、行政诉讼情况',
  columns: [
    { code: 'upheld', label: '结果维持' },
    { code: 'corrected', label: '结果纠正' },
    { code: 'other', label: '其他结果' },
    { code: 'pending', label: '尚未审结' },
    { code: 'total', label: '总计' },
  ],
  rows: [
    { code: 'review', label: '行政复议', match: { contains: ['行政复议'] } },
    { code: 'litigationDirect', label: '未经复议直接起诉', match: { contains: ['直接起诉'] } },
    { code: 'litigationAfterReview', label: '复议后起诉', match: { contains: ['复议后起诉'] } },
  ],
};

export const T4_OUTCOME_COLUMNS: readonly string[] = ['upheld', 'corrected', 'other', 'pending'];
