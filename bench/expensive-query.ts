import { FIGURE_NAMES } from '../src/figures/figure-definitions';
import { ALL_CELL_ADDRESSES } from '../src/template/tables.template';
import { postGraphql } from './bench-support';

/** Figures first, then every cell address; past the end the list repeats. */
const MEASURES = [...FIGURE_NAMES, ...ALL_CELL_ADDRESSES];
/** No aggregate is tried with more measures than this. */
const MOST_MEASURES = 20_000;

/** Shapes from the most work per measure to the least: the first whose one-measure aggregate the limits allow is grown. */
const SHAPES = [
  { groupBy: 'AGENCY, YEAR', selection: 'key { year agency { name } } count values { measure count sum mean min max pooled numerator denominator }' },
  { groupBy: 'AGENCY, YEAR', selection: 'count values { sum }' },
  { groupBy: 'AGENCY', selection: 'count values { sum }' },
  { groupBy: 'REGION, YEAR', selection: 'key { year region } count values { measure count sum mean min max pooled }' },
  { groupBy: 'YEAR', selection: 'key { year } count values { measure count sum mean min max pooled }' },
];

type Shape = (typeof SHAPES)[number];

export function aggregateQuery(measures: number, shape: Shape = SHAPES[0]!): string {
  const names = Array.from({ length: measures }, (_, i) => JSON.stringify(MEASURES[i % MEASURES.length]));
  return `{ aggregate(groupBy: [${shape.groupBy}], measures: [${names.join(', ')}]) { ${shape.selection} } }`;
}

export interface ExpensiveQuery {
  measures: number;
  query: string;
  /** Wall time of its last trial, ms. */
  ms: number;
  /** What the next larger size got: a limit's code and message, or another error. */
  stoppedBy: string;
}

/**
 * The aggregate by agency and year with the most measures the running server
 * answers with data: sizes doubled until one is refused (or fails), then bisected.
 */
export async function discoverExpensiveQuery(url: string): Promise<ExpensiveQuery> {
  let best: ExpensiveQuery | undefined;
  let failing: { measures: number; error: string } | undefined;
  let shape: Shape | undefined;
  for (const candidate of SHAPES) {
    const trial = await tryAggregate(url, 1, candidate);
    if ('error' in trial) failing = trial;
    else [best, shape, failing] = [trial, candidate, undefined];
    if (shape) break;
  }
  if (!best || !shape) throw new Error(`even an aggregate of one measure fails in every shape: ${failing?.error}`);
  for (let measures = 2; !failing && measures <= MOST_MEASURES; measures *= 2) {
    const trial = await tryAggregate(url, measures, shape);
    if ('error' in trial) failing = trial;
    else best = trial;
  }
  while (failing && failing.measures - best.measures > 1) {
    const trial = await tryAggregate(url, Math.floor((best.measures + failing.measures) / 2), shape);
    if ('error' in trial) failing = trial;
    else best = trial;
  }
  return { ...best, stoppedBy: failing ? `${failing.measures} measures: ${failing.error}` : `nothing up to ${MOST_MEASURES} measures` };
}

async function tryAggregate(url: string, measures: number, shape: Shape): Promise<ExpensiveQuery | { measures: number; error: string }> {
  const query = aggregateQuery(measures, shape);
  const { status, body, ms } = await postGraphql(url, query);
  const error = body.errors?.[0];
  if (!error && body.data) return { measures, query, ms, stoppedBy: '' };
  return { measures, error: `HTTP ${status} ${error?.extensions?.code ?? 'no code'}: ${error?.message ?? 'no data'}` };
}
