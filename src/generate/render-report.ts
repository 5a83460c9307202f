import { PARTS } from '../template/parts.template';
import { LABEL_VARIANTS, T2_GROUPS, T3_BLOCK_LABELS, T3_BROKEN_HEADER_LINES, T3_HEADER_LINES, T4_HEADER_LINES } from '../template/report-layout.template';
import { T2_TEMPLATE } from '../template/t2.template';
import { T3_TEMPLATE } from '../template/t3.template';
import { T4_TEMPLATE } from '../template/t4.template';
import type { ReportValues } from './report-values';
import type { SeededRandom } from './seeded-random';

/** Kinds of damage the samples show, applied to a rendered report. */
export interface Damage {
  brokenHeader: boolean;
  lostLeadingTabs: boolean;
  labelVariants: boolean;
  /** t3 row code whose printed line loses one value. */
  lostCellRow: string | null;
  twoLineTitle: boolean;
}

export interface RenderedReport {
  text: string;
  /** Source line (1-based) of every cell's value. */
  lines: Map<string, number>;
}

const T3_COLUMNS = T3_TEMPLATE.columns.map((c) => c.code);

/** A report in the samples' style: title, six parts, tables as tab-separated PDF text. */
export function renderReport(agency: string, year: number, values: ReportValues, damage: Damage, random: SeededRandom): RenderedReport {
  const out: string[] = [''];
  const lines = new Map<string, number>();
  const emit = (text = '') => out.push(text);
  const at = (address: string) => lines.set(address, out.length + 1);
  const cell = (address: string) => (address === 't2/fees/amount' ? values.feeText : String(values.cells.get(address)));
  const t3 = (row: string) => T3_COLUMNS.map((column) => cell(`t3/${row}/${column}`));
  const received = values.cells.get('t3/new/total')!;

  if (damage.twoLineTitle) emit(agency), emit(), emit(`${year}年政府信息公开工作年度报告`);
  else emit(`${agency} ${year} 年政府信息公开工作年度报告`);
  emit(), emit(PARTS[0]!.title), emit();
  emit(`${year} 年，${agency}认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开工作。`);
  for (const sub of PARTS[0]!.subParts!) {
    emit(), emit(sub.title), emit();
    emit(sub.code === '1.2' ? applicationsNarrative(year, values) : `${year} 年，持续做好${sub.title.slice(3)}相关工作。`);
  }
  emit(), emit(PARTS[1]!.title), emit();
  for (const group of T2_GROUPS) {
    emit(`${group.heading}\t\t\t`), emit(`${group.header}${'\t'.repeat(4 - group.header.split('\t').length)}`);
    for (const code of group.rows) {
      const row = T2_TEMPLATE.rows.find((r) => r.code === code)!;
      const printed = row.columns!.map((column) => cell(`t2/${code}/${column}`));
      row.columns!.forEach((column) => at(`t2/${code}/${column}`));
      emit([row.label, ...printed, ...Array(3 - printed.length).fill('')].join('\t'));
    }
  }
  emit(), emit(PARTS[2]!.title), emit();
  for (const header of damage.brokenHeader ? T3_BROKEN_HEADER_LINES : T3_HEADER_LINES) emit(header);
  for (const row of T3_TEMPLATE.rows) {
    const block = row.code.split('.')[0]!;
    const opensBlock = T3_BLOCK_LABELS[block] !== undefined && T3_TEMPLATE.rows.find((r) => r.code.split('.')[0] === block) === row;
    const inBlock = row.code.includes('.') || row.code === 'partiallyGranted';
    const labels = row.code.includes('.') ? [opensBlock ? T3_BLOCK_LABELS[block]! : '', row.label] : opensBlock ? [T3_BLOCK_LABELS[block]!, row.label] : inBlock ? ['', row.label] : [row.label, ''];
    let printed = t3(row.code);
    if (damage.lostCellRow === row.code) printed = printed.filter((_, i) => i !== random.int(0, printed.length - 1));
    T3_COLUMNS.forEach((column) => at(`t3/${row.code}/${column}`));
    const line = [...labels, ...printed].join('\t');
    emit(damage.lostLeadingTabs ? line.replace(/^\t+/, '') : line);
  }
  emit(), emit(PARTS[3]!.title), emit();
  for (const header of T4_HEADER_LINES) emit(header);
  for (const row of T4_TEMPLATE.rows) for (const column of T4_TEMPLATE.columns) at(`t4/${row.code}/${column.code}`);
  emit(T4_TEMPLATE.rows.flatMap((row) => T4_TEMPLATE.columns.map((column) => cell(`t4/${row.code}/${column.code}`))).join('\t'));
  emit(), emit(PARTS[4]!.title), emit();
  emit(`存在问题：政务公开的时效性有待提高。下一步，${agency}将进一步加强政府信息公开工作。`);
  emit(), emit(PARTS[5]!.title), emit();
  const charged = values.feeText !== '0' || values.cells.get('t3/other.noFee/total')! > 0;
  emit(charged ? `${year}年度${agency}收取信息处理费，行政事业性收费金额见上表。` : `${year}年度未收取政府信息公开信息处理费。`);
  if (received > 0 && random.chance(0.5)) emit(), emit(agency), emit(`${year + 1}年1月${random.int(10, 31)}日`);
  let text = `${out.join('\n')}\n`;
  if (damage.labelVariants) for (const [official, variant] of LABEL_VARIANTS) text = text.replace(official, variant);
  return { text, lines };
}

function applicationsNarrative(year: number, values: ReportValues): string {
  const get = (address: string) => values.cells.get(address)!;
  const received = get('t3/new/total');
  const reviews = get('t4/review/total');
  const lawsuits = get('t4/litigationDirect/total') + get('t4/litigationAfterReview/total');
  const applications = received === 0 ? `${year} 年，未收到政府信息公开申请。` : `${year} 年，共收到政府信息公开申请 ${received} 件，办结 ${get('t3/resultsTotal/total')} 件，结转下年度继续办理 ${get('t3/carriedForward/total')} 件。`;
  const disputes = reviews + lawsuits === 0 ? '未发生因政府信息公开引起的行政复议和行政诉讼。' : `发生行政复议 ${reviews} 件、行政诉讼 ${lawsuits} 件。`;
  return applications + disputes;
}
