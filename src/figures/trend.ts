import type { MeasureValue } from './measure';

export interface TrendPoint extends MeasureValue {
  year: number;
}

/** Why a year of a trend has no value: the agency has no report for it (the same words as a year over year without the year before). */
export const noReportFor = (year: number) => `no report for ${year}`;

/** The years a trend covers: the years asked, in the order asked, else every year the agency has a report, oldest first. */
export function trendYears(asked: readonly number[] | undefined, reportYears: readonly number[]): number[] {
  return asked ? [...asked] : [...new Set(reportYears)].sort((a, b) => a - b);
}

/** One point a year: the measure of that year's report, or null with the reason when there is none. */
export function trendPoint(year: number, value: MeasureValue | undefined): TrendPoint {
  return value ? { year, ...value } : { year, value: null, reason: noReportFor(year) };
}
