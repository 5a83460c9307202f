import { lineChart } from '../charts/line-chart';
import type { ChartSeries } from '../charts/chart-figure';
import { formatCount, formatRate } from '../format-number';
import type { ProfileData, ProfileReport } from './profile-data';
import { metricOf } from './profile-figures';
import { reasonZh } from '../api-text-zh';
import { noReportFor } from '../../figures/trend';

/** At most this many years, the report's year the last. */
export const TREND_YEARS = 5;

type TrendAlias = 'applicationsReceived' | 'reviews' | 'completionRate' | 'disclosureRate';
const TREND_METRICS: Record<TrendAlias, string> = { applicationsReceived: 'applicationsReceived', reviews: 't4/review/total', completionRate: 'completionRate', disclosureRate: 'disclosureRate' };

/** The years a trend shows: every year from the agency's first report (at most TREND_YEARS back) to the report's, a year without a report included. */
function trendYears(report: ProfileReport): number[] {
  const first = Math.min(report.year, ...report.agency.applicationsReceived.map((point) => point.year));
  const from = Math.max(first, report.year - TREND_YEARS + 1);
  return Array.from({ length: report.year - from + 1 }, (_, i) => from + i);
}

/** Each year's point where it is in the answer; a year the agency has no report for is a gap, saying so. */
function series(data: ProfileData, report: ProfileReport, alias: TrendAlias, years: number[]): ChartSeries {
  const answered = new Map(report.agency[alias].map((point, i) => [point.year, { point, i }]));
  const points = years.map((year) => answered.get(year));
  return {
    name: metricOf(data, TREND_METRICS[alias])?.nameZh ?? alias,
    values: points.map((p) => p?.point.value ?? null),
    reasons: points.map((p, k) => (!p ? reasonZh(noReportFor(years[k]!)) : p.point.reason === null ? null : reasonZh(p.point.reason))),
    paths: points.map((p) => (p ? `report.agency.${alias}.${p.i}.value` : undefined)),
  };
}

export function trendsSection(data: ProfileData, report: ProfileReport): string {
  const years = trendYears(report);
  const counts = (['applicationsReceived', 'reviews'] as const).map((alias) => series(data, report, alias, years));
  const rates = (['completionRate', 'disclosureRate'] as const).map((alias) => series(data, report, alias, years));
  return [
    '<h2>二、历年趋势</h2>',
    `<p class="muted">本单位 ${years[0] ?? ''}–${years[years.length - 1] ?? ''} 年的报告（最多 ${TREND_YEARS} 年）；某年无报告或无数值时图中断开。</p>`,
    lineChart({ caption: '申请与行政复议（件）', categoryHeading: '年度', categories: years.map(String), series: counts, format: formatCount }),
    lineChart({ caption: '办结率与公开率', categoryHeading: '年度', categories: years.map(String), series: rates, format: formatRate }),
  ].join('\n');
}
