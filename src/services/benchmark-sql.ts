import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { inListSql, listParameter } from '../database/list-parameter-sql';
import type { CorrectionBasis } from '../figures/figure-definitions';
import { GROUP_DIMENSIONS, perReportValuesQuery, type MeasurePlan } from './aggregate-sql';
import { traitsOf, type PeerGroup, type PeerTrait } from '../figures/peer-group';
import { PEER_TRAIT_COLUMNS } from './peer-group-sql';
import { percentileSql } from './percentile-sql';

/** The per-report column (of perReportValuesQuery) holding each trait. */
export const TRAIT_COLUMNS: Readonly<Record<PeerTrait, string>> = {
  sameYear: GROUP_DIMENSIONS.YEAR,
  sameLevel: GROUP_DIMENSIONS.LEVEL,
  sameRegion: GROUP_DIMENSIONS.REGION,
  sameParent: GROUP_DIMENSIONS.PARENT,
  sameGeneration: GROUP_DIMENSIONS.GENERATION,
};

/** The group percentiles each row carries, by column. */
const PERCENTILES = { p25: '0.25', p50: '0.5', p75: '0.75' } as const;

/** One page report's row: its traits (by TRAIT_COLUMNS), value and its group's statistics; counts come back as text from PostgreSQL. */
export type BenchmarkRow = Record<string, string | number | null> & { report_id: number };

/**
 * One statement for a page of reports asking one measure of one kind of peer
 * group: the per-report values of every report sharing the traits of some
 * page report (and of the page reports themselves), ranked within each group
 * by window functions, the group's count and percentiles joined back, and one
 * row per page report.
 */
export function benchmarkQuery(db: EntityManager, plan: MeasurePlan, group: PeerGroup, basis: CorrectionBasis, reportIds: readonly number[]): SelectQueryBuilder<ObjectLiteral> {
  const postgres = db.connection.options.type === 'postgres';
  const traits = traitsOf(group);
  const columns = traits.map((trait) => TRAIT_COLUMNS[trait]);
  const page = { benchmarkPage: listParameter(postgres, reportIds) };

  const values = perReportValuesQuery(db, undefined, [plan], basis, (perReport) => {
    if (traits.length > 0) perReport.andWhere(`(${inListSql(postgres, 'report.id', ':benchmarkPage')} OR ${sharesPageTraits(postgres, traits)})`, page);
  });

  const partition = columns.length > 0 ? `PARTITION BY ${columns.join(', ')} ` : '';
  const ranked = [
    'SELECT report_id, v_0 AS value,',
    `RANK() OVER (${partition}ORDER BY v_0 DESC) AS value_rank,`,
    `PERCENT_RANK() OVER (${partition}ORDER BY v_0 ASC) AS percent_rank`,
    'FROM per_report_value WHERE v_0 IS NOT NULL',
  ].join(' ');
  const percentiles = Object.entries(PERCENTILES).map(([alias, fraction]) => `${percentileSql(postgres, 'v_0', fraction)} AS ${alias}`);
  const groups = [
    `SELECT ${[...columns, 'COUNT(v_0) AS peer_count', ...percentiles].join(', ')}`,
    'FROM per_report_value',
    columns.length > 0 ? `GROUP BY ${columns.join(', ')}` : '',
  ].join(' ');

  const query = db.createQueryBuilder().addCommonTableExpression(values, 'per_report_value').select('page.report_id', 'report_id');
  for (const column of columns) query.addSelect(`page.${column}`, column);
  for (const column of ['value', 'value_rank', 'percent_rank']) query.addSelect(`ranked.${column}`, column);
  for (const column of ['peer_count', 'p25', 'p50', 'p75']) query.addSelect(`peer_groups.${column}`, column);
  return query
    .from('per_report_value', 'page')
    .leftJoin(`(${ranked})`, 'ranked', 'ranked.report_id = page.report_id')
    .leftJoin(`(${groups})`, 'peer_groups', columns.map((column) => `peer_groups.${column} = page.${column}`).join(' AND ') || '1 = 1')
    .where(inListSql(postgres, 'page.report_id', ':benchmarkPage'), page);
}

/** The report (`report` joined to `agency`) has the traits of some page report: one row-value IN over the page's reports. */
function sharesPageTraits(postgres: boolean, traits: PeerTrait[]): string {
  const own = traits.map((trait) => PEER_TRAIT_COLUMNS[trait]);
  const pages = own.map((column) => column.replace(/^(report|agency)\./, 'page_$1.'));
  const pageReports = `SELECT ${pages.join(', ')} FROM report page_report JOIN agency page_agency ON page_agency.id = page_report.agency_id WHERE ${inListSql(postgres, 'page_report.id', ':benchmarkPage')}`;
  return `(${own.join(', ')}) IN (${pageReports})`;
}
