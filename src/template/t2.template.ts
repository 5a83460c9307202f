import type { TableTemplate } from './template.types';

const DOCUMENT_COLUMNS = ['issued', 'repealed', 'inForce'] as const;
const DECISION_COLUMNS = ['decisions'] as const;

/** 二、主动公开政府信息情况 — Art. 20 items, G3 (2021) layout. */
export const T2_TEMPLATE: TableTemplate = {
  code: 't2',
  title: '主动公开政府信息情况',
  columns: [
    { code: 'issued', label: '本年制发件数' },
    { code: 'repealed', label: '本年废止件数' },
    { code: 'inForce', label: '现行有效件数' },
    { code: 'decisions', label: '本年处理决定数量' },
    { code: 'amount', label: '本年收费金额（单位：万元）', decimal: true, unit: '万元' },
  ],
  rows: [
    { code: 'regulations', label: '规章', match: { contains: [], endsWith: ['规章'] }, columns: DOCUMENT_COLUMNS },
    { code: 'normativeDocuments', label: '行政规范性文件', match: { contains: ['规范性文件'] }, columns: DOCUMENT_COLUMNS },
    { code: 'licensing', label: '行政许可', match: { contains: ['行政许可'] }, columns: DECISION_COLUMNS },
    { code: 'penalty', label: '行政处罚', match: { contains: ['行政处罚'] }, columns: DECISION_COLUMNS },
    { code: 'coercion', label: '行政强制', match: { contains: ['行政强制'] }, columns: DECISION_COLUMNS },
    { code: 'fees', label: '行政事业性收费', match: { contains: ['行政事业性收费', '事业性收费'] }, columns: ['amount'] },
  ],
};
