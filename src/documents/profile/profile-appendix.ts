import { T3_TEMPLATE } from '../../template/t3.template';
import { formulaZh } from '../api-text-zh';
import { formatRate } from '../format-number';
import { escapeHtml } from '../html-escape';
import { PLAUSIBILITY_THRESHOLDS } from '../../checks/plausibility-thresholds.data';
import type { ProfileData } from './profile-data';
import { KEY_FIGURES, metricOf } from './profile-figures';
import { CHECK_FAMILY_ZH, MIN_PEERS, PROFILE_PEER_GROUP, peerGroupZh, SEVERITY_ZH } from './profile-words.data';

/** Definitions: each key figure's formula (the metric dictionary's), the checks and their thresholds, the peer group. */
export function appendixSection(data: ProfileData, peersInApi: string | undefined): string {
  const figures = KEY_FIGURES.map((key) => {
    const metric = metricOf(data, key);
    return `<dt>${escapeHtml(metric?.nameZh ?? key)}（<code>${escapeHtml(key)}</code>）</dt><dd><code>${escapeHtml(formulaZh(metric?.formula ?? ''))}</code>${metric?.isRate ? '，以百分比显示（一位小数）' : `，单位：${escapeHtml(metric?.unit ?? '')}`}</dd>`;
  });
  const families = Object.entries(CHECK_FAMILY_ZH).map(([family, words]) => `<tr><td><code>${escapeHtml(family)}</code></td><td>${escapeHtml(words)}</td></tr>`);
  const { jump, rate, peerZero, peerUnprinted } = PLAUSIBILITY_THRESHOLDS;
  return [
    '<h2>附录：定义</h2>',
    '<h3>指标公式</h3>',
    `<p class="muted">单元格地址为 表/行/列（如 t3/new/total 为表三“${escapeHtml(T3_TEMPLATE.rows.find((r) => r.code === 'new')!.label)}”的总计）。</p>`,
    `<dl>${figures.join('')}</dl>`,
    '<h3>检查项</h3>',
    `<p>${escapeHtml(SEVERITY_ZH.ERROR!)}：表格勾稽关系或与正文不符，报告有误的可能大；${escapeHtml(SEVERITY_ZH.WARNING!)}：值得人工核看的情形，其中合理性提示不计入未通过的检查。</p>`,
    `<table class="families"><colgroup><col style="width:28%"><col></colgroup><thead><tr><th scope="col">检查族</th><th scope="col">要求</th></tr></thead><tbody>${families.join('')}</tbody></table>`,
    '<h3>合理性检查的阈值</h3>',
    '<ul>',
    `<li>跳变：本年 ÷ 上年 大于 ${jump.ratioAbove} 或小于 ${jump.ratioBelow} 时提示；上年小于 ${jump.minPrevious} 时不判断。</li>`,
    `<li>比率：比率类指标应在 ${rate.min} 至 ${rate.max}（${formatRate(rate.min)}–${formatRate(rate.max)}）之间。</li>`,
    `<li>同类为零：同类报告中位数大于 ${peerZero.medianAbove} 而本报告填 0 时提示。</li>`,
    `<li>同类未填：同类报告中至少 ${formatRate(peerUnprinted.printedShareAtLeast)} 填报数值而本报告空白或不适用时提示。</li>`,
    '</ul>',
    '<h3>同类比较</h3>',
    `<p>同类报告指${escapeHtml(peerGroupZh(PROFILE_PEER_GROUP))}${peersInApi ? `（接口原文：${escapeHtml(peersInApi)}）` : ''}。有数值的同类报告少于 ${MIN_PEERS} 份时不给出排名与分位数，并说明原因。比率的分位数按各报告的比率计算；P25、中位数、P75 按 Excel PERCENTILE.INC 的线性插值。</p>`,
  ].join('\n');
}
