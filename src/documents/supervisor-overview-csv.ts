import { stringify } from 'csv-stringify/sync';
import { csvOptions } from '../services/csv-output';
import type { Overview, OverviewRow } from './supervisor-overview-model';
import { KEY_FIGURES, rankKeyOf } from './supervisor-overview-query';

type Column = [name: string, value: (row: OverviewRow) => string | number | boolean | null];

/** The ranked figures' columns follow their figure: completionRate, then completionRate.rank. */
function figureColumns(): Column[] {
  return KEY_FIGURES.flatMap((figure): Column[] => {
    const value: Column = [figure, (row) => row.report?.figures[figure] ?? null];
    const rank = rankKeyOf(figure);
    return rank ? [value, [`${figure}.rank`, (row) => row.ranks[rank]?.rank ?? null]] : [value];
  });
}

/**
 * One row per agency in scope, by name: the key figures as GraphQL gives them (rates as fractions), the
 * ranks, the chosen measure and its rank, the failing check count, and whether the report is missing.
 */
export function renderOverviewCsv(overview: Overview, bom = false): string {
  const measure = overview.data.measure.key;
  const columns: Column[] = [
    ['agencyId', (row) => row.agency.id],
    ['agency', (row) => row.agency.name],
    ['region', (row) => row.agency.region],
    ['level', (row) => row.agency.level],
    ['year', () => overview.request.year],
    ['missing', (row) => row.report === null],
    ['reportId', (row) => row.report?.id ?? null],
    ...figureColumns(),
    [`measure:${measure}`, (row) => row.measureValue],
    [`measure:${measure}.rank`, (row) => row.ranks.measureRank?.rank ?? null],
    ['failingChecks', (row) => row.report?.failingChecks ?? null],
    ['plausibilityWarnings', (row) => row.report?.plausibilityWarnings ?? null],
  ];
  const names = columns.map(([name]) => name);
  // csv-stringify would read a dotted column name as a path: the rows go as arrays.
  return stringify(
    overview.rows.map((row) => columns.map(([, value]) => value(row))),
    csvOptions(names, bom),
  );
}
