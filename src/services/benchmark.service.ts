import type { EntityManager } from 'typeorm';
import type { Report } from '../entities/report.entity';
import type { TableCell } from '../entities/table-cell.entity';
import { badUserInput } from '../errors/bad-user-input';
import { isRateFigure, type CorrectionBasis } from '../figures/figure-definitions';
import { measureValue, parseMeasure, unknownMeasureMessage } from '../figures/measure';
import { describePeerGroup, MIN_PEER_COUNT, PEER_TRAIT_NOUNS, peerGroupKey, traitsOf, type PeerGroup } from '../figures/peer-group';
import type { Benchmark } from '../schema/benchmark.type';
import type { MeasurePlan } from './aggregate-sql';
import { benchmarkQuery, TRAIT_COLUMNS, type BenchmarkRow } from './benchmark-sql';
import { buildReportFacts } from './report-facts';

/** A page's reports asking the same request share one statement. */
export interface BenchmarkRequest {
  plan: MeasurePlan;
  group: PeerGroup;
  basis: CorrectionBasis;
}

/** The request a `benchmark` field asks, its measure checked: an unknown one is the caller's mistake. */
export function benchmarkRequest(measure: string, peers: Partial<PeerGroup> | undefined, basis: CorrectionBasis): BenchmarkRequest {
  const parsed = parseMeasure(measure);
  if (!parsed) throw badUserInput(`benchmark(measure): ${unknownMeasureMessage(measure)}`, 'measure');
  const group: PeerGroup = {
    sameYear: peers?.sameYear ?? true,
    sameLevel: peers?.sameLevel ?? false,
    sameRegion: peers?.sameRegion ?? false,
    sameParent: peers?.sameParent ?? false,
    sameGeneration: peers?.sameGeneration ?? false,
  };
  return { plan: { measure: parsed, name: measure, isRate: parsed.kind === 'figure' && isRateFigure(parsed.name) }, group, basis };
}

export function benchmarkRequestKey(request: BenchmarkRequest): string {
  return `${request.plan.name}|${peerGroupKey(request.group)}|${request.basis}`;
}

/**
 * The benchmarks of a page of reports for one request, from one statement.
 * `cellsOf` is asked only for reports without a value, to say why (the
 * measure's own reason, as its figure or cell gives it).
 */
export async function benchmarkPage(db: EntityManager, request: BenchmarkRequest, reports: readonly Report[], cellsOf: (report: Report) => Promise<TableCell[]>): Promise<Benchmark[]> {
  const ids = [...new Set(reports.map((report) => report.id))];
  const rows = await benchmarkQuery(db, request.plan, request.group, request.basis, ids).getRawMany<BenchmarkRow>();
  const byReport = new Map(rows.map((row) => [Number(row.report_id), row]));
  return Promise.all(reports.map((report) => benchmarkOf(request, report, byReport.get(report.id), cellsOf)));
}

async function benchmarkOf(request: BenchmarkRequest, report: Report, row: BenchmarkRow | undefined, cellsOf: (report: Report) => Promise<TableCell[]>): Promise<Benchmark> {
  const { plan, group } = request;
  const peers = describePeerGroup(group);
  const value = numberOrNull(row?.value);
  const unset = { measure: plan.name, peers, value, rank: null, percentileRank: null, p25: null, median: null, p75: null };
  if (!row) return { ...unset, peerCount: null, reason: 'the report is no longer stored' };
  const lacking = traitsOf(group).filter((trait) => row[TRAIT_COLUMNS[trait]] === null);
  if (lacking.length > 0) {
    const names = lacking.map((trait) => PEER_TRAIT_NOUNS[trait]);
    return { ...unset, peerCount: null, reason: `the agency has no ${names.join(' and no ')}, which the peer group (${peers}) needs` };
  }
  const peerCount = Number(row.peer_count);
  if (value === null) return { ...unset, peerCount, reason: await noValueReason(request, report, cellsOf) };
  if (peerCount < MIN_PEER_COUNT) {
    return { ...unset, peerCount, reason: `the peer group (${peers}) has ${peerCount} report${peerCount === 1 ? '' : 's'} with a value for ${plan.name}, fewer than the ${MIN_PEER_COUNT} a benchmark needs` };
  }
  return {
    ...unset,
    peerCount,
    rank: Number(row.value_rank),
    percentileRank: Number(row.percent_rank),
    p25: numberOrNull(row.p25),
    median: numberOrNull(row.p50),
    p75: numberOrNull(row.p75),
    reason: null,
  };
}

/** The measure's own reason for a report without a value: the figure's or the cell's, computed from its cells as the report's figures are. */
async function noValueReason(request: BenchmarkRequest, report: Report, cellsOf: (report: Report) => Promise<TableCell[]>): Promise<string> {
  const facts = buildReportFacts({ report, cells: await cellsOf(report), sections: [] });
  return measureValue(request.plan.measure, facts, request.basis).reason ?? `no value for ${request.plan.name}`;
}

/** PostgreSQL returns counts and numeric sums as strings. */
function numberOrNull(value: string | number | null | undefined): number | null {
  return value === null || value === undefined ? null : Number(value);
}
