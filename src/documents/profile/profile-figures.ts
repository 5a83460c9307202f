import { numberHtml, type NumberKind } from '../format-number';
import { escapeHtml } from '../html-escape';
import type { ProfileData, ProfileMetric, ProfileReport } from './profile-data';
import { PROFILE_PEER_GROUP, peerGroupZh } from './profile-words.data';
import { reasonZh } from '../api-text-zh';

/** The key figures the query asks, by their alias (the figure's key in the metric dictionary). */
export const KEY_FIGURES = [
  'applicationsReceived',
  'applicationsToHandle',
  'completionRate',
  'disclosureRate',
  'carryForwardRate',
  'reviewCorrectionRate',
  'litigationCorrectionRate',
  'reportCompleteness',
] as const;

/** The benchmarks the query asks: alias → the measure's metric. */
export const PEER_MEASURES = [
  { alias: 'applicationsReceivedAmongPeers', metric: 'applicationsReceived' },
  { alias: 'completionRateAmongPeers', metric: 'completionRate' },
  { alias: 'disclosureRateAmongPeers', metric: 'disclosureRate' },
  { alias: 'reviewsAmongPeers', metric: 't4/review/total' },
] as const;

/** The metric of a measure, from the metric dictionary the query answered. */
export function metricOf(data: ProfileData, key: string): ProfileMetric | undefined {
  return [...data.figureMetrics, data.applicationsReceivedCell, data.reviewsCell].find((metric) => metric.key === key);
}

export function kindOf(metric: ProfileMetric | undefined): NumberKind {
  return metric?.isRate ? 'rate' : 'count';
}

export function keyFiguresSection(data: ProfileData, report: ProfileReport): string {
  const rows = KEY_FIGURES.map((key) => {
    const figure = report[key];
    const metric = metricOf(data, key);
    const kind = kindOf(metric);
    const path = `report.${key}`;
    const terms = kind === 'rate' ? `${numberHtml(figure.numerator, 'count', `${path}.numerator`)} ÷ ${numberHtml(figure.denominator, 'count', `${path}.denominator`)}` : '';
    return [
      `<tr data-figure="${key}">`,
      `<th scope="row">${escapeHtml(metric?.nameZh ?? key)}</th>`,
      `<td class="num">${numberHtml(figure.value, kind, `${path}.value`)}</td>`,
      `<td class="num">${terms}</td>`,
      `<td>${figure.reason ? `<span class="muted">${escapeHtml(reasonZh(figure.reason))}</span>` : ''}</td>`,
      '</tr>',
    ].join('');
  });
  return [
    '<h2>一、主要指标</h2>',
    '<table class="figures"><colgroup><col style="width:30%"><col style="width:16%"><col style="width:20%"><col></colgroup>',
    '<thead><tr><th scope="col">指标</th><th scope="col" class="num">数值</th><th scope="col" class="num">分子 ÷ 分母</th><th scope="col">说明（数值为空的原因）</th></tr></thead>',
    `<tbody>${rows.join('')}</tbody></table>`,
    '<p class="muted">各指标的计算公式见附录。</p>',
  ].join('\n');
}

export function peersSection(data: ProfileData, report: ProfileReport): string {
  const rows = PEER_MEASURES.map(({ alias, metric: key }) => {
    const benchmark = report[alias];
    const metric = metricOf(data, key);
    const kind = kindOf(metric);
    const path = `report.${alias}`;
    const cell = (field: 'value' | 'median' | 'p25' | 'p75', k: NumberKind = kind) => `<td class="num">${numberHtml(benchmark[field], k, `${path}.${field}`)}</td>`;
    const head = `<th scope="row">${escapeHtml(metric?.nameZh ?? key)}</th>${cell('value')}<td class="num">${numberHtml(benchmark.peerCount, 'count', `${path}.peerCount`)}</td>`;
    if (benchmark.reason) return `<tr data-measure="${escapeHtml(key)}">${head}<td colspan="5" class="muted">无排名：${escapeHtml(reasonZh(benchmark.reason))}</td></tr>`;
    return `<tr data-measure="${escapeHtml(key)}">${head}<td class="num">${numberHtml(benchmark.rank, 'count', `${path}.rank`)}</td><td class="num">${numberHtml(benchmark.percentileRank, 'rate', `${path}.percentileRank`)}</td>${cell('p25')}${cell('median')}${cell('p75')}</tr>`;
  });
  return [
    '<h2>四、同类比较</h2>',
    `<p>同类报告：${escapeHtml(peerGroupZh(PROFILE_PEER_GROUP))}。排名 1 为最高值；百分位排名为同类中低于本报告的比例。</p>`,
    '<table class="peers"><colgroup><col style="width:22%"><col><col><col><col><col><col><col></colgroup>',
    '<thead><tr><th scope="col">指标</th><th scope="col" class="num">本报告</th><th scope="col" class="num">同类数</th><th scope="col" class="num">排名</th><th scope="col" class="num">百分位排名</th><th scope="col" class="num">P25</th><th scope="col" class="num">中位数</th><th scope="col" class="num">P75</th></tr></thead>',
    `<tbody>${rows.join('')}</tbody></table>`,
  ].join('\n');
}
