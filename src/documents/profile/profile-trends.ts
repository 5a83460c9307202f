import { lineChart } from '../charts/line-chart';
import type { ChartSeries } from '../charts/chart-figure';
import { formatCount, formatRate } from '../format-number';
import type { ProfileData, ProfileReport } from './profile-data';
import { metricOf } from './profile-figures';
import { reasonZh } from '../api-text-zh';

/** At most this many years, the report's year the last. */
export const TREND_YEARS = 5;

type TrendAlias = 'applicationsReceived' | 'reviews' | 'completionRate' | 'disclosureRate';
const TREND_METRICS: Record<TrendAlias, string> = { applicationsReceived: 'applicationsReceived', reviews: 't4/review/total', completionRate: 'completionRate', disclosureRate: 'disclosureRate' };

/** The agency's years up to the report's, the last five; each point where it is in the answer. */
function series(data: ProfileData, report: ProfileReport, alias: TrendAlias): ChartSeries & { years: number[] } {
  const points = report.agency[alias].map((point, i) => ({ point, i })).filter(({ point }) => point.year <= report.year).slice(-TREND_YEARS);
  return {
    name: metricOf(data, TREND_METRICS[alias])?.nameZh ?? alias,
    years: points.map(({ point }) => point.year),
    values: points.map(({ point }) => point.value),
    reasons: points.map(({ point }) => (point.reason === null ? null : reasonZh(point.reason))),
    paths: points.map(({ i }) => `report.agency.${alias}.${i}.value`),
  };
}

export function trendsSection(data: ProfileData, report: ProfileReport): string {
  const counts = (['applicationsReceived', 'reviews'] as const).map((alias) => series(data, report, alias));
  const rates = (['completionRate', 'disclosureRate'] as const).map((alias) => series(data, report, alias));
  const years = counts[0]!.years.map(String);
  return [
    '<h2>二、历年趋势</h2>',
    `<p class="muted">本单位 ${years[0] ?? ''}–${years[years.length - 1] ?? ''} 年的报告（最多 ${TREND_YEARS} 年）；某年无报告或无数值时图中断开。</p>`,
    lineChart({ caption: '申请与行政复议（件）', categoryHeading: '年度', categories: years, series: counts, format: formatCount }),
    lineChart({ caption: '办结率与公开率', categoryHeading: '年度', categories: years, series: rates, format: formatRate }),
  ].join('\n');
}
