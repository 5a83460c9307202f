import type { TableCode } from './template.types';

export interface PartTemplate {
  /** 1–6 for the parts, 1.1–1.5 for the sub-parts of part 一. */
  code: string;
  title: string;
  /** A heading line holds every string of one of these sets. */
  match: string[][];
  subParts?: PartTemplate[];
  /** The table printed in this part. */
  table?: TableCode;
}

/** The six parts of the national template, always in this order. */
export const PARTS: readonly PartTemplate[] = [
  {
    code: '1',
    title: '一、总体情况',
    match: [['总体情况']],
    subParts: [
      { code: '1.1', title: '（一）主动公开', match: [['主动公开']] },
      { code: '1.2', title: '（二）依申请公开', match: [['依申请公开']] },
      { code: '1.3', title: '（三）政府信息管理', match: [['政府信息管理']] },
      { code: '1.4', title: '（四）政府信息公开平台建设', match: [['平台建设']] },
      { code: '1.5', title: '（五）监督保障', match: [['监督保障']] },
    ],
  },
  { code: '2', title: '二、主动公开政府信息情况', match: [['主动公开政府信息']], table: 't2' },
  { code: '3', title: '三、收到和处理政府信息公开申请情况', match: [['收到和处理', '申请']], table: 't3' },
  { code: '4', title: '四、政府信息公开行政复议、行政诉讼情况', match: [['行政复议', '行政诉讼']], table: 't4' },
  { code: '5', title: '五、存在的主要问题及改进情况', match: [['主要问题'], ['存在问题', '改进']] },
  { code: '6', title: '六、其他需要报告的事项', match: [['其他需要报告']] },
];

/** A heading is a short line; longer lines are narrative that may mention a part's words. */
export const HEADING_MAX_LENGTH = 32;
