import type { MeasureValue } from './measure';
import { noReportFor } from './trend';

export interface YearOverYear {
  previous: number | null;
  current: number | null;
  absolute: number | null;
  /** absolute ÷ previous; null when previous is 0 or missing. */
  relative: number | null;
  reason: string | null;
}

export function yearOverYear(current: MeasureValue, previous: MeasureValue | undefined, previousYear: number): YearOverYear {
  const base = { current: current.value, previous: previous?.value ?? null };
  if (!previous) return { ...base, absolute: null, relative: null, reason: noReportFor(previousYear) };
  if (current.value === null) return { ...base, absolute: null, relative: null, reason: `this year: ${current.reason}` };
  if (previous.value === null) return { ...base, absolute: null, relative: null, reason: `${previousYear}: ${previous.reason}` };
  const absolute = current.value - previous.value;
  if (previous.value === 0) return { ...base, absolute, relative: null, reason: `${previousYear} value is 0` };
  return { ...base, absolute, relative: absolute / previous.value, reason: null };
}
