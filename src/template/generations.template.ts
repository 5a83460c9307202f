import type { Generation } from './template.types';

/** Strings printed only in one template generation's tables. */
export const GENERATION_SIGNATURES: Record<Exclude<Generation, 'UNRECOGNISED'>, readonly string[]> = {
  G3: ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额', '申请人无正当理由逾期不补正', '危及"三安全一稳定"'],
  G2: ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '政府集中采购'],
};

/** Signatures a generation needs before a report is said to be in it. */
export const GENERATION_MIN_SIGNATURES = 2;

/** First report year of each generation's format. */
export const GENERATION_FIRST_YEAR: Record<Exclude<Generation, 'UNRECOGNISED'>, number> = { G2: 2019, G3: 2021 };

/** Every generation a report may be in. */
export const GENERATIONS: readonly Generation[] = ['G3', 'G2', 'UNRECOGNISED'];
