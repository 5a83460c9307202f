import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { addressCodeLists, cellCodesSql, type ListParameter } from '../database/list-parameter-sql';
import { Agency } from '../entities/agency.entity';
import { Report } from '../entities/report.entity';
import { TableCell } from '../entities/table-cell.entity';
import { linearFigures, type CorrectionBasis, type Term } from '../figures/figure-definitions';
import type { Measure } from '../figures/measure';
import type { ReportFilter } from '../schema/report-filter.input';
import { PARTS } from '../template/parts.template';
import { parseCellAddress, templateCells } from '../template/tables.template';
import { GENERATIONS } from '../template/generations.template';
import type { Generation } from '../template/template.types';
import { percentileSql } from './percentile-sql';
import { applyReportFilter } from './report-filter';

export const GROUP_DIMENSIONS = { YEAR: 'year', AGENCY: 'agency_id', PARENT: 'parent_id', REGION: 'region', LEVEL: 'level', GENERATION: 'generation' } as const;
export type GroupDimension = keyof typeof GROUP_DIMENSIONS;

const DIMENSION_SOURCES: Record<GroupDimension, string> = {
  YEAR: 'report.year',
  AGENCY: 'report.agency_id',
  PARENT: 'agency.parent_id',
  REGION: 'agency.region',
  LEVEL: 'agency.level',
  GENERATION: 'report.generation',
};

/** Up to this many addresses, PostgreSQL joins each one's cells directly instead of folding every cell wanted per report. */
const DIRECT_JOINS = 4;

/** How a measure aggregates: a cell or a count figure sums; a rate pools Σnumerator ÷ Σdenominator. */
export interface MeasurePlan {
  measure: Measure;
  name: string;
  isRate: boolean;
}

/**
 * The first two stages of a grouped query, usable on their own: cells → one
 * row per report with its id, every GROUP_DIMENSIONS column and, per measure
 * k, n_k (numerator), d_k (denominator, null for a non-rate) and v_k (the
 * report's value: null when an input is not a number or d_k is 0).
 * `scope` narrows the innermost query, over `report` joined to `agency`.
 */
export function perReportValuesQuery(
  db: EntityManager,
  filter: ReportFilter | undefined,
  plans: MeasurePlan[],
  basis: CorrectionBasis,
  scope?: (perReport: SelectQueryBuilder<Report>) => void,
): SelectQueryBuilder<ObjectLiteral> {
  const addresses = [...new Set(plans.flatMap((plan) => GENERATIONS.flatMap((generation) => termsOf(plan, basis, generation).flat().map((term) => term.address))))];
  const column = (address: string) => `c_${addresses.indexOf(address)}`;
  // A left join (every report has its agency) that PostgreSQL drops when no dimension or filter reads the agency.
  const perReport = db.createQueryBuilder(Report, 'report').leftJoin(Agency, 'agency', 'agency.id = report.agency_id');
  const postgres = db.connection.options.type === 'postgres';
  const cellParams: Record<string, ListParameter> = {};
  addresses.forEach((address, i) => {
    const { table, row, column: col } = parseCellAddress(address);
    Object.assign(cellParams, { [`t${i}`]: table, [`r${i}`]: row, [`k${i}`]: col });
  });
  // The CASEs below pick the exact addresses out of the cells these codes find.
  const [tables, rows, columns] = addressCodeLists(postgres, addresses);
  Object.assign(cellParams, { tables, rows, columns });
  const inCodes = cellCodesSql(postgres, 'cell', [':tables', ':rows', ':columns']);
  const cellMaxima = addresses.map(
    (address, i) => [`MAX(CASE WHEN cell.table_code = :t${i} AND cell.row_code = :r${i} AND cell.column_code = :k${i} AND cell.status IN ('NUMBER', 'ZERO') THEN cell.value END)`, column(address)] as const,
  );
  perReport.select('report.id', 'report_id');
  for (const dimension of Object.keys(DIMENSION_SOURCES) as GroupDimension[]) perReport.addSelect(DIMENSION_SOURCES[dimension], GROUP_DIMENSIONS[dimension]);
  if (addresses.length > 0 && addresses.length <= DIRECT_JOINS && postgres) {
    // A few addresses: one join each, on the (address) index, at most one cell per report and address; nothing to fold.
    addresses.forEach((_address, i) => {
      perReport.leftJoin(TableCell, `cell_${i}`, `cell_${i}.report_id = report.id AND cell_${i}.table_code = :t${i} AND cell_${i}.row_code = :r${i} AND cell_${i}.column_code = :k${i} AND cell_${i}.status IN ('NUMBER', 'ZERO')`);
      perReport.addSelect(`cell_${i}.value`, `c_${i}`);
    });
  } else if (addresses.length > 0 && postgres) {
    // PostgreSQL plans best with the cells folded per report first (one hash aggregate), then joined.
    perReport.leftJoin(
      (cells) => {
        cells.select('cell.report_id', 'report_id').from(TableCell, 'cell').where(inCodes).groupBy('cell.report_id');
        for (const [expression, alias] of cellMaxima) cells.addSelect(expression, alias);
        return cells;
      },
      'cells',
      'cells.report_id = report.id',
    );
    for (const [, alias] of cellMaxima) perReport.addSelect(`cells.${alias}`, alias);
  } else if (addresses.length > 0) {
    // SQLite plans best with each report's cells looked up on the index, grouped per report.
    perReport.leftJoin(TableCell, 'cell', `cell.report_id = report.id AND ${inCodes}`);
    for (const [expression, alias] of cellMaxima) perReport.addSelect(expression, alias);
    perReport.groupBy(['report.id', ...Object.values(DIMENSION_SOURCES)].join(', '));
  }
  perReport.setParameters(cellParams);
  if (plans.some((plan) => plan.measure.kind === 'figure' && plan.measure.name === 'reportCompleteness')) {
    perReport.addSelect('report.completeness_count', 'completeness_n');
  }
  applyReportFilter(perReport, filter);
  scope?.(perReport);

  const values = db.createQueryBuilder().from(`(${perReport.getQuery()})`, 'per_report').setParameters(perReport.getParameters());
  values.select(['report_id', ...Object.values(GROUP_DIMENSIONS)].map((d) => `per_report.${d} AS ${d}`).join(', '));
  plans.forEach((plan, k) => {
    const [numerator, denominator] = expressionsOf(plan, basis, column);
    values.addSelect(numerator, `n_${k}`);
    values.addSelect(denominator ?? 'CAST(NULL AS DOUBLE PRECISION)', `d_${k}`);
    values.addSelect(denominator ? `CASE WHEN ${denominator} = 0 THEN NULL ELSE CAST(${numerator} AS DOUBLE PRECISION) / ${denominator} END` : numerator, `v_${k}`);
  });
  return values;
}

/**
 * One statement: cells → one row per report (the measures' numerators,
 * denominators and values) → one row per group. The database does every sum
 * and percentile (`p_k_j`: measure k at fractions[j]); nothing but the group rows comes back.
 */
export function groupedMeasuresQuery(
  db: EntityManager,
  filter: ReportFilter | undefined,
  dimensions: GroupDimension[],
  plans: MeasurePlan[],
  basis: CorrectionBasis,
  fractions: readonly number[] = [],
): SelectQueryBuilder<ObjectLiteral> {
  const postgres = db.connection.options.type === 'postgres';
  const values = perReportValuesQuery(db, filter, plans, basis);
  const grouped = db.createQueryBuilder().from(`(${values.getQuery()})`, 'per_report_value').setParameters(values.getParameters());
  grouped.select('COUNT(*)', 'report_count');
  for (const dimension of dimensions) grouped.addSelect(`per_report_value.${GROUP_DIMENSIONS[dimension]}`, GROUP_DIMENSIONS[dimension]);
  plans.forEach((_plan, k) => {
    const both = `n_${k} IS NOT NULL AND d_${k} IS NOT NULL`;
    grouped
      .addSelect(`SUM(v_${k})`, `sum_${k}`)
      .addSelect(`AVG(v_${k})`, `mean_${k}`)
      .addSelect(`MIN(v_${k})`, `min_${k}`)
      .addSelect(`MAX(v_${k})`, `max_${k}`)
      .addSelect(`COUNT(v_${k})`, `count_${k}`)
      .addSelect(`SUM(CASE WHEN ${both} THEN n_${k} END)`, `num_${k}`)
      .addSelect(`SUM(CASE WHEN ${both} THEN d_${k} END)`, `den_${k}`)
      .addSelect(`CASE WHEN SUM(CASE WHEN ${both} THEN d_${k} END) = 0 THEN NULL ELSE CAST(SUM(CASE WHEN ${both} THEN n_${k} END) AS DOUBLE PRECISION) / SUM(CASE WHEN ${both} THEN d_${k} END) END`, `pooled_${k}`);
    // Over each report's own value (a rate's own rate, not pooled); nulls are left out.
    fractions.forEach((_fraction, j) => grouped.addSelect(percentileSql(postgres, `v_${k}`, `:fraction_${j}`), `p_${k}_${j}`));
  });
  fractions.forEach((fraction, j) => grouped.setParameter(`fraction_${j}`, fraction));
  if (dimensions.length > 0) grouped.groupBy(dimensions.map((d) => `per_report_value.${GROUP_DIMENSIONS[d]}`).join(', '));
  return grouped;
}

/** reportCompleteness's denominator: the six parts and the cells of the report's own generation. */
const COMPLETENESS_DENOMINATOR = `CASE per_report.generation ${GENERATIONS.map((g) => `WHEN '${g}' THEN ${PARTS.length + templateCells(g).length}`).join(' ')} END`;

/** [numerator, denominator] of a measure as a generation's tables give it (a cell: itself, no denominator). */
function termsOf(plan: MeasurePlan, basis: CorrectionBasis, generation: Generation): Term[][] {
  const { measure } = plan;
  if (measure.kind === 'cell') return [[{ address: measure.address, coefficient: 1 }]];
  if (measure.name === 'reportCompleteness') return [];
  const figure = linearFigures(basis, generation).find((f) => f.name === measure.name)!;
  return [figure.numerator, figure.denominator ?? []];
}

/** SQL for a measure's numerator and, for a rate, its denominator, over the per-report cell columns, by the report's generation where formulas differ. */
function expressionsOf(plan: MeasurePlan, basis: CorrectionBasis, column: (address: string) => string): [string, string | undefined] {
  const { measure } = plan;
  if (measure.kind === 'figure' && measure.name === 'reportCompleteness') return ['completeness_n', COMPLETENESS_DENOMINATOR];
  const sum = (terms: Term[]) => `(${terms.map((t, i) => `${i === 0 ? (t.coefficient < 0 ? '-' : '') : t.coefficient < 0 ? ' - ' : ' + '}${column(t.address)}`).join('')})`;
  const byGeneration = (part: number) => {
    const expressions = GENERATIONS.map((generation) => [generation, sum(termsOf(plan, basis, generation)[part]!)] as const);
    if (new Set(expressions.map(([, expression]) => expression)).size === 1) return expressions[0]![1];
    return `CASE per_report.generation ${expressions.map(([generation, expression]) => `WHEN '${generation}' THEN ${expression}`).join(' ')} END`;
  };
  return [byGeneration(0), plan.isRate ? byGeneration(1) : undefined];
}
