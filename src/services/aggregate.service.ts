import type { EntityManager } from 'typeorm';
import { badUserInput } from '../errors/bad-user-input';
import { isRateFigure, type CorrectionBasis } from '../figures/figure-definitions';
import { parseMeasure, unknownMeasureMessage } from '../figures/measure';
import { NAMED_PERCENTILES, type AggregateGroup, type GroupKey, type MeasureAggregate, type RankedGroup } from '../schema/aggregate.types';
import type { ReportFilter } from '../schema/report-filter.input';
import { GROUP_DIMENSIONS, groupedMeasuresQuery, type GroupDimension, type MeasurePlan } from './aggregate-sql';

export interface AggregateRequest {
  filter?: ReportFilter;
  groupBy: GroupDimension[];
  measures: string[];
  basis: CorrectionBasis;
  /** Percentile fractions (0 to 1) to compute for every measure; none when not given. */
  percentiles?: readonly number[];
}

/** Distinct percentile fractions one aggregate or rank may ask for, p25/median/p75 included: each is one more sort of the group's values. */
export const MAX_PERCENTILES = 10;

type Row = Record<string, string | number | null>;

/** Groups of reports with each measure aggregated by the database; year-over-year joins the groups of consecutive years. */
export async function aggregate(db: EntityManager, request: AggregateRequest): Promise<AggregateGroup[]> {
  const plans = planMeasures(request.measures);
  const fractions = checkedFractions(request.percentiles);
  const dimensions = [...new Set(request.groupBy)];
  const query = groupedMeasuresQuery(db, request.filter, dimensions, plans, request.basis, fractions);
  for (const d of dimensions) query.addOrderBy(GROUP_DIMENSIONS[d], 'ASC', 'NULLS FIRST');
  const groups = (await query.getRawMany<Row>()).map((row) => toGroup(row, plans, fractions));
  if (dimensions.includes('YEAR')) addYearOverYear(groups, dimensions);
  return groups;
}

export interface RankRequest extends Omit<AggregateRequest, 'measures'> {
  measure: string;
  order: 'ASC' | 'DESC';
  limit: number;
  /** Least Σdenominator (rates) or reports with a value (counts) for a group to be ranked. */
  minSample: number;
}

/** Top or bottom groups by a measure's headline value (pooled for rates, sum otherwise), in SQL. */
export async function rank(db: EntityManager, request: RankRequest): Promise<RankedGroup[]> {
  if (!Number.isInteger(request.limit) || request.limit < 1 || request.limit > 1000) throw badUserInput(`limit must be from 1 to 1000, got ${request.limit}`, 'limit');
  const plans = planMeasures([request.measure]);
  const fractions = checkedFractions(request.percentiles);
  const dimensions = [...new Set(request.groupBy)];
  if (dimensions.length === 0) throw badUserInput('rank needs at least one groupBy dimension', 'groupBy');
  const grouped = groupedMeasuresQuery(db, request.filter, dimensions, plans, request.basis, fractions);
  const [headline, sample] = plans[0]!.isRate ? ['pooled_0', 'den_0'] : ['sum_0', 'count_0'];
  const ranked = db
    .createQueryBuilder()
    .select('*')
    .from(`(${grouped.getQuery()})`, 'g')
    .setParameters(grouped.getParameters())
    .where(`g.${headline} IS NOT NULL AND g.${sample} >= :minSample`, { minSample: request.minSample })
    .orderBy(`g.${headline}`, request.order);
  for (const d of dimensions) ranked.addOrderBy(`g.${GROUP_DIMENSIONS[d]}`, 'ASC');
  const rows = await ranked.limit(request.limit).getRawMany<Row>();
  return rows.map((row, index) => {
    const group = toGroup(row, plans, fractions);
    return { rank: index + 1, key: group.key, count: group.count, value: group.values[0]! };
  });
}

function planMeasures(names: string[]): MeasurePlan[] {
  if (names.length === 0) throw badUserInput('measures: name at least one cell address (t3/new/total) or figure name (completionRate)', 'measures');
  return names.map((name) => {
    const measure = parseMeasure(name);
    if (!measure) throw badUserInput(`measures: ${unknownMeasureMessage(name)}`, 'measures');
    const isRate = measure.kind === 'figure' && isRateFigure(measure.name);
    return { measure, name, isRate };
  });
}

/** The distinct fractions asked for, each a number from 0 to 1, at most MAX_PERCENTILES of them. */
function checkedFractions(percentiles: readonly number[] = []): number[] {
  const fractions = [...new Set(percentiles)];
  const outside = fractions.find((p) => !(p >= 0 && p <= 1));
  if (outside !== undefined) throw badUserInput(`percentile(p): p must be from 0 to 1, got ${outside}`, 'p');
  if (fractions.length > MAX_PERCENTILES) {
    throw badUserInput(`percentile: at most ${MAX_PERCENTILES} distinct fractions a request (p25, median and p75 count), got ${fractions.length}`, 'p');
  }
  return fractions;
}

function toGroup(row: Row, plans: MeasurePlan[], fractions: readonly number[]): AggregateGroup {
  const key: GroupKey = {
    year: numberOrNull(row.year),
    agencyId: numberOrNull(row.agency_id),
    parentId: numberOrNull(row.parent_id),
    region: (row.region as string | null | undefined) ?? null,
    level: (row.level as GroupKey['level'] | undefined) ?? null,
    generation: (row.generation as GroupKey['generation'] | undefined) ?? null,
  };
  const values = plans.map((plan, k): MeasureAggregate => {
    const denominator = plan.isRate ? numberOrNull(row[`den_${k}`]) : null;
    const pooled = plan.isRate ? numberOrNull(row[`pooled_${k}`]) : null;
    const percentiles = new Map(fractions.map((fraction, j) => [fraction, numberOrNull(row[`p_${k}_${j}`])]));
    const named = (fraction: number) => percentiles.get(fraction) ?? null;
    return {
      measure: plan.name,
      rate: plan.isRate,
      count: Number(row[`count_${k}`]),
      sum: numberOrNull(row[`sum_${k}`]),
      mean: numberOrNull(row[`mean_${k}`]),
      min: numberOrNull(row[`min_${k}`]),
      max: numberOrNull(row[`max_${k}`]),
      pooled,
      numerator: plan.isRate ? numberOrNull(row[`num_${k}`]) : null,
      denominator,
      reason: plan.isRate && pooled === null ? (denominator === null ? 'no report in the group has the inputs' : 'Σdenominator is 0') : null,
      yearOverYear: null,
      p25: named(NAMED_PERCENTILES.p25),
      median: named(NAMED_PERCENTILES.median),
      p75: named(NAMED_PERCENTILES.p75),
      percentiles,
    };
  });
  return { key, count: Number(row.report_count), values };
}

function addYearOverYear(groups: AggregateGroup[], dimensions: GroupDimension[]): void {
  const others = dimensions.filter((d) => d !== 'YEAR');
  const identity = (group: AggregateGroup, year: number) => JSON.stringify([year, ...others.map((d) => keyValue(group.key, d))]);
  const byIdentity = new Map(groups.map((g) => [identity(g, g.key.year!), g]));
  for (const group of groups) {
    const previous = byIdentity.get(identity(group, group.key.year! - 1));
    group.values.forEach((value, k) => {
      const headline = (v: MeasureAggregate) => (v.rate ? v.pooled : v.sum);
      const current = headline(value);
      const before = previous ? headline(previous.values[k]!) : null;
      const absolute = current !== null && before !== null ? current - before : null;
      const reason = !previous ? `no group for ${group.key.year! - 1}` : before === null || current === null ? 'a value is null' : before === 0 ? 'the previous value is 0' : null;
      value.yearOverYear = { previous: before, current, absolute, relative: absolute !== null && before ? absolute / before : null, reason };
    });
  }
}

function keyValue(key: GroupKey, dimension: GroupDimension): unknown {
  return { YEAR: key.year, AGENCY: key.agencyId, PARENT: key.parentId, REGION: key.region, LEVEL: key.level, GENERATION: key.generation }[dimension];
}

/** PostgreSQL returns sums of integers and counts as strings. */
function numberOrNull(value: string | number | null | undefined): number | null {
  return value === null || value === undefined ? null : Number(value);
}
