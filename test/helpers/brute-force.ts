import type { CellRecord } from '../../src/services/cell-export.service';

/** What a group key is made of, per report: year and the agency's stored metadata. */
export interface ReportKeyParts {
  year: number;
  agency: string;
  parent: string | null;
  region: string | null;
  level: string | null;
}

export interface BruteGroup {
  key: string;
  count: number;
  sum: number | null;
  mean: number | null;
  min: number | null;
  max: number | null;
  valued: number;
  pooled: number | null;
  numerator: number | null;
  denominator: number | null;
  /** Each report's own value (a rate's own rate), reports without one left out. */
  values: number[];
}

/** A cell, a count figure (Σ numerator, no denominator) or a rate. */
type Measure = { cell: string } | { numerator: string[]; denominator?: string[] };

/** Aggregates computed the slow way, report by report from the export, to check the SQL against. */
export function bruteForce(records: CellRecord[], keyOf: (report: ReportKeyParts) => string, reportKeys: Map<number, ReportKeyParts>, measure: Measure): Map<string, BruteGroup> {
  const byReport = new Map<number, Map<string, CellRecord>>();
  for (const record of records) {
    if (!byReport.has(record.reportId)) byReport.set(record.reportId, new Map());
    byReport.get(record.reportId)!.set(record.address, record);
  }
  const groups = new Map<string, { values: number[]; count: number; num: number; den: number; pooledInputs: number }>();
  for (const [reportId, cells] of byReport) {
    const number = (address: string) => {
      const cell = cells.get(address);
      return cell && (cell.status === 'NUMBER' || cell.status === 'ZERO') ? cell.value! : null;
    };
    const key = keyOf(reportKeys.get(reportId)!);
    const group = groups.get(key) ?? { values: [], count: 0, num: 0, den: 0, pooledInputs: 0 };
    groups.set(key, group);
    group.count += 1;
    if ('cell' in measure) {
      const value = number(measure.cell);
      if (value !== null) group.values.push(value);
      continue;
    }
    const parts = [...measure.numerator, ...(measure.denominator ?? [])].map(number);
    if (parts.some((p) => p === null)) continue;
    const num = measure.numerator.reduce((a, address) => a + number(address)!, 0);
    if (!measure.denominator) {
      group.values.push(num);
      continue;
    }
    const den = measure.denominator.reduce((a, address) => a + number(address)!, 0);
    group.num += num;
    group.den += den;
    group.pooledInputs += 1;
    if (den !== 0) group.values.push(num / den);
  }
  const rate = !('cell' in measure) && measure.denominator !== undefined;
  return new Map(
    [...groups].map(([key, g]) => [
      key,
      {
        key,
        count: g.count,
        valued: g.values.length,
        values: g.values,
        sum: g.values.length ? g.values.reduce((a, b) => a + b, 0) : null,
        mean: g.values.length ? g.values.reduce((a, b) => a + b, 0) / g.values.length : null,
        min: g.values.length ? Math.min(...g.values) : null,
        max: g.values.length ? Math.max(...g.values) : null,
        numerator: !rate || g.pooledInputs === 0 ? null : g.num,
        denominator: !rate || g.pooledInputs === 0 ? null : g.den,
        pooled: !rate || g.den === 0 ? null : g.num / g.den,
      },
    ]),
  );
}

/**
 * Excel's PERCENTILE.INC in plain TS: sorted values x₀…xₙ₋₁, h = p·(n−1),
 * x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋); null for no values.
 */
export function percentileInc(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const h = p * (sorted.length - 1);
  const low = Math.floor(h);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low]! + (h - low) * (sorted[high]! - sorted[low]!);
}
