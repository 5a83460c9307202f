import { numberHtml } from '../format-number';
import { escapeHtml } from '../html-escape';
import { locateCells, type ProfileReport } from './profile-data';
import { cellHtml } from './profile-tables';
import { checkFamilyZh, SEVERITY_ZH, VERDICT_ZH } from './profile-words.data';
import { parseWarningZh } from '../api-text-zh';

type ProfileCheck = ProfileReport['checks'][number];

function evidenceHtml(report: ProfileReport, check: ProfileCheck): string {
  const located = locateCells(report);
  const rows = check.cells.map((address) => {
    const found = located.get(address);
    if (!found) return `<tr><td>${escapeHtml(address)}</td><td colspan="4" class="muted">（不在表格中）</td></tr>`;
    const { cell, path, rowLabel } = found;
    return [
      `<tr data-address="${escapeHtml(address)}">`,
      `<td>${escapeHtml(rowLabel)}<br><span class="muted">${escapeHtml(address)}</span></td>`,
      `<td class="num">${cellHtml(cell, path)}</td>`,
      `<td class="raw">${cell.raw === null ? '<span class="muted">（无原文）</span>' : `<code>${escapeHtml(cell.raw)}</code>`}</td>`,
      `<td class="num">${numberHtml(cell.line, 'count', `${path}.line`)}</td>`,
      `<td class="num">${numberHtml(cell.page, 'count', `${path}.page`)}</td>`,
      '</tr>',
    ].join('');
  });
  return [
    '<table class="evidence"><colgroup><col style="width:34%"><col style="width:22%"><col style="width:20%"><col><col></colgroup>',
    '<thead><tr><th scope="col">单元格</th><th scope="col" class="num">读取值</th><th scope="col">原文</th><th scope="col" class="num">行</th><th scope="col" class="num">页</th></tr></thead>',
    `<tbody>${rows.join('')}</tbody></table>`,
  ].join('\n');
}

function checkHtml(report: ProfileReport, check: ProfileCheck, i: number): string {
  const path = `report.checks.${i}`;
  const review = check.review
    ? `<p class="review">复核结论：<strong>${escapeHtml(VERDICT_ZH[check.review.verdict] ?? check.review.verdict)}</strong>（${escapeHtml(check.review.reviewedBy)}，${escapeHtml(String(check.review.reviewedAt).slice(0, 10))}）：${escapeHtml(check.review.note)}</p>`
    : '<p class="review muted">尚未复核。</p>';
  return [
    `<section class="check" data-check="${escapeHtml(check.id)}">`,
    `<h3><span class="severity ${check.severity === 'ERROR' ? 'error' : 'warning'}">${escapeHtml(SEVERITY_ZH[check.severity] ?? check.severity)}</span> ${escapeHtml(checkFamilyZh(check.rule))}</h3>`,
    `<p>检查项 <code>${escapeHtml(check.id)}</code>：应为 ${numberHtml(check.expected, 'count', `${path}.expected`)}，实为 ${numberHtml(check.actual, 'count', `${path}.actual`)}。</p>`,
    `<p class="muted">接口原文：${escapeHtml(check.message)}</p>`,
    review,
    evidenceHtml(report, check),
    '</section>',
  ].join('\n');
}

/** Failing checks, errors (错误) before warnings (提示), each with its evidence; then the report's parse warnings. */
export function checksSection(report: ProfileReport): string {
  const ordered = report.checks.map((check, i) => ({ check, i })).sort((a, b) => Number(a.check.severity !== 'ERROR') - Number(b.check.severity !== 'ERROR'));
  const warnings = report.warnings.map(
    (w, i) => `<tr><td><code>${escapeHtml(w.code)}</code></td><td>${escapeHtml(w.address ?? '')}</td><td class="num">${numberHtml(w.line, 'count', `report.warnings.${i}.line`)}</td><td>${escapeHtml(parseWarningZh(w.code))}<br><span class="muted">接口原文：${escapeHtml(w.message)}</span></td></tr>`,
  );
  return [
    '<h2>五、检查结果</h2>',
    `<p>未通过的检查 ${numberHtml(report.failingChecks, 'count', 'report.failingChecks')} 项；另有合理性提示 ${numberHtml(report.plausibilityWarnings, 'count', 'report.plausibilityWarnings')} 项（不计入前者）。每项列出所涉单元格的原文、行号与页码（PDF）。</p>`,
    ...(ordered.length === 0 ? ['<p>全部检查通过。</p>'] : ordered.map(({ check, i }) => checkHtml(report, check, i))),
    '<h3>读取说明</h3>',
    warnings.length === 0
      ? '<p>读取时无异常。</p>'
      : `<table class="parse-warnings"><colgroup><col style="width:22%"><col style="width:22%"><col style="width:8%"><col></colgroup><thead><tr><th scope="col">类型</th><th scope="col">位置</th><th scope="col" class="num">行</th><th scope="col">说明</th></tr></thead><tbody>${warnings.join('')}</tbody></table>`,
  ].join('\n');
}
