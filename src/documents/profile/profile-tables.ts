import { T3_BLOCK_HEADINGS, T3_RESULT_ROWS, T3_RESULTS_HEADING } from '../../template/t3.template';
import { tablesOf } from '../../template/tables.template';
import type { Generation } from '../../template/template.types';
import { numberHtml } from '../format-number';
import { escapeHtml } from '../html-escape';
import type { ProfileCell, ProfileReport, ProfileTable } from './profile-data';
import { CORRECTED_MARK, INFERRED_MARK, STATUS_MARK_ZH } from './profile-words.data';

/** A cell as printed: its value, or a mark for what it is instead; 推算 for an inferred value, 已更正 with the reason for a corrected one. */
export function cellHtml(cell: ProfileCell, path: string): string {
  const parts: string[] = [];
  if (cell.status === 'NUMBER' || cell.status === 'ZERO') parts.push(numberHtml(cell.value, 'count', `${path}.value`));
  else {
    if (cell.raw) parts.push(`<span class="raw">${escapeHtml(cell.raw)}</span> `);
    parts.push(`<span class="mark status" data-status="${cell.status}">${escapeHtml(STATUS_MARK_ZH[cell.status] ?? cell.status)}</span>`);
  }
  if (cell.inferred) parts.push(` <span class="mark inferred" title="${escapeHtml(cell.rule ?? '')}">${INFERRED_MARK}</span>`);
  if (cell.corrected) {
    const before = cell.valueBefore !== null ? `原值 ${numberHtml(cell.valueBefore, 'count', `${path}.valueBefore`)}` : `原为${escapeHtml(STATUS_MARK_ZH[cell.statusBefore ?? ''] ?? '无')}`;
    parts.push(` <span class="mark corrected">${CORRECTED_MARK}（${before}；理由：${escapeHtml(cell.correctionReason ?? '')}）</span>`);
  }
  return parts.join('');
}

/** The heading t3 prints above a row, as the template has it: 三、本年度办理结果 above its first result, a block's heading above the block's first row. */
function t3HeadingBefore(code: string, previous: string | undefined): string | undefined {
  if (code === T3_RESULT_ROWS[0]) return T3_RESULTS_HEADING;
  const block = code.includes('.') ? code.split('.')[0]! : undefined;
  if (!block || previous?.split('.')[0] === block) return undefined;
  return T3_BLOCK_HEADINGS[block];
}

function tableHtml(table: ProfileTable, t: number, generation: Generation): string {
  const template = tablesOf(generation).find((candidate) => candidate.code === table.code);
  const columns = template?.columns ?? [];
  const head = `<tr><th scope="col" class="row-label">项目</th>${columns.map((c) => `<th scope="col" class="num">${escapeHtml(c.label)}</th>`).join('')}</tr>`;
  const rows = table.rows.map((row, r) => {
    const cells = columns.map((column) => {
      const c = row.cells.findIndex((cell) => cell.column === column.code);
      if (c < 0) return '<td class="num none"></td>';
      return `<td class="num" data-address="${escapeHtml(row.cells[c]!.address)}">${cellHtml(row.cells[c]!, `report.tables.${t}.rows.${r}.cells.${c}`)}</td>`;
    });
    const heading = table.code === 't3' ? t3HeadingBefore(row.code, table.rows[r - 1]?.code) : undefined;
    const headingRow = heading ? `<tr class="block-heading"><th scope="rowgroup" colspan="${columns.length + 1}">${escapeHtml(heading)}</th></tr>` : '';
    return `${headingRow}<tr><th scope="row">${escapeHtml(row.label)}</th>${cells.join('')}</tr>`;
  });
  const labelWidth = columns.length > 5 ? '24%' : '34%';
  return [
    `<h3>${escapeHtml(table.title)}</h3>`,
    `<table class="report-table" data-table="${escapeHtml(table.code)}"><colgroup><col style="width:${labelWidth}">${columns.map(() => '<col>').join('')}</colgroup>`,
    `<thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`,
  ].join('\n');
}

/** The three tables as printed, in the template's columns, with every cell's status. */
export function tablesSection(report: ProfileReport): string {
  const legend = `<p class="muted">标记：${Object.values(STATUS_MARK_ZH).join('、')}为单元格状态；“${INFERRED_MARK}”为按表内勾稽关系推算的数值；“${CORRECTED_MARK}”为人工更正的数值，附原值与理由。</p>`;
  if (report.tables.length === 0) return `<h2>三、报告表格</h2><p>本报告的表格不属于可识别的模板，未读取。</p>`;
  return ['<h2>三、报告表格</h2>', legend, ...report.tables.map((table, t) => tableHtml(table, t, report.generation))].join('\n');
}
