import type { TableTemplate } from './template.types';

const ITEM_COLUMNS = ['previousItems', 'change'] as const;

/**
 * 二、主动公开政府信息情况 in the 2019 (G2) layout. Rows and columns whose
 * meaning is the G3 one keep its codes (处理决定数量 = `decisions`); the rest
 * have codes of their own, kept only in G2 reports.
 */
export const T2_G2_TEMPLATE: TableTemplate = {
  code: 't2',
  title: '主动公开政府信息情况',
  columns: [
    { code: 'madeThisYear', label: '本年新制作数量' },
    { code: 'publishedThisYear', label: '本年新公开数量' },
    { code: 'publishedTotal', label: '对外公开总数量' },
    { code: 'previousItems', label: '上一年项目数量' },
    { code: 'change', label: '本年增/减', signed: true },
    { code: 'decisions', label: '处理决定数量' },
    { code: 'procurementItems', label: '采购项目数量' },
    { code: 'procurementAmount', label: '采购总金额', decimal: true },
  ],
  rows: [
    { code: 'regulations', label: '规章', match: { contains: [], endsWith: ['规章'] }, columns: ['madeThisYear', 'publishedThisYear', 'publishedTotal'] },
    { code: 'normativeDocuments', label: '规范性文件', match: { contains: ['规范性文件'] }, columns: ['madeThisYear', 'publishedThisYear', 'publishedTotal'] },
    { code: 'licensing', label: '行政许可', match: { contains: ['行政许可'] }, columns: [...ITEM_COLUMNS, 'decisions'] },
    { code: 'otherServices', label: '其他对外管理服务事项', match: { contains: ['对外管理服务'] }, columns: [...ITEM_COLUMNS, 'decisions'] },
    { code: 'penalty', label: '行政处罚', match: { contains: ['行政处罚'] }, columns: [...ITEM_COLUMNS, 'decisions'] },
    { code: 'coercion', label: '行政强制', match: { contains: ['行政强制'] }, columns: [...ITEM_COLUMNS, 'decisions'] },
    { code: 'fees', label: '行政事业性收费', match: { contains: ['行政事业性收费', '事业性收费'] }, columns: ITEM_COLUMNS },
    { code: 'procurement', label: '政府集中采购', match: { contains: ['集中采购'] }, columns: ['procurementItems', 'procurementAmount'] },
  ],
};
