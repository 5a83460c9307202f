import { FIGURE_NAMES } from '../src/figures/figure-definitions';
import { ALL_CELL_ADDRESSES } from '../src/template/tables.template';
import { postGraphql } from './bench-support';

/** Figures first, then every cell address; past the end the list repeats. */
const MEASURES = [...FIGURE_NAMES, ...ALL_CELL_ADDRESSES];
/** No aggregate is tried with more measures than this. */
const MOST_MEASURES = 20_000;

export function aggregateQuery(measures: number): string {
  const names = Array.from({ length: measures }, (_, i) => JSON.stringify(MEASURES[i % MEASURES.length]));
  return `{ aggregate(groupBy: [AGENCY, YEAR], measures: [${names.join(', ')}]) { key { year agency { name } } count
  values { measure count sum mean min max pooled numerator denominator yearOverYear { absolute relative } } } }`;
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
  for (let measures = 1; !failing && measures <= MOST_MEASURES; measures *= 2) {
    const trial = await tryAggregate(url, measures);
    if ('error' in trial) failing = trial;
    else best = trial;
  }
  if (!best) throw new Error(`even an aggregate of one measure fails: ${failing?.error}`);
  while (failing && failing.measures - best.measures > 1) {
    const trial = await tryAggregate(url, Math.floor((best.measures + failing.measures) / 2));
    if ('error' in trial) failing = trial;
    else best = trial;
  }
  return { ...best, stoppedBy: failing ? `${failing.measures} measures: ${failing.error}` : `nothing up to ${MOST_MEASURES} measures` };
}

async function tryAggregate(url: string, measures: number): Promise<ExpensiveQuery | { measures: number; error: string }> {
  const query = aggregateQuery(measures);
  const { status, body, ms } = await postGraphql(url, query);
  const error = body.errors?.[0];
  if (!error && body.data) return { measures, query, ms, stoppedBy: '' };
  return { measures, error: `HTTP ${status} ${error?.extensions?.code ?? 'no code'}: ${error?.message ?? 'no data'}` };
}
