import { T3_APPLICANT_COLUMNS, T3_RESULT_ROWS } from '../template/t3.template';
import { T4_OUTCOME_COLUMNS, T4_TEMPLATE } from '../template/t4.template';
import type { CorpusAgency } from './corpus-agencies';
import type { SeededRandom } from './seeded-random';

/** Every cell of one synthetic report by address, counts whole; the fee as printed (4 decimals). */
export interface ReportValues {
  cells: Map<string, number>;
  feeText: string;
}

const APPLICANT_WEIGHTS = [80, 10, 1, 1, 3, 5];
/** Weights of the result rows, in T3_RESULT_ROWS order: most granted or not held, few denied. */
const RESULT_WEIGHTS = [45, 10, 1, 1, 1, 1, 1, 2, 1, 1, 18, 3, 2, 2, 2, 1, 1, 1, 3, 1, 3];
const NEW_APPLICATIONS: Record<CorpusAgency['activity'], [number, number]> = { 0: [0, 0], 1: [1, 20], 2: [20, 300], 3: [300, 5000] };

/**
 * One year of an agency: every table identity (row totals, column balances
 * and result sums) holds, and this year's carried-over applications and
 * document stock continue last year's.
 */
export function reportValues(agency: CorpusAgency, previous: ReportValues | undefined, random: SeededRandom): ReportValues {
  const cells = new Map<string, number>();
  const set = (row: string, column: string, value: number) => cells.set(`${row}/${column}`, value);
  const [low, high] = NEW_APPLICATIONS[agency.activity];
  const newTotal = agency.activity === 0 && random.chance(0.7) ? 0 : random.int(low, high);
  const newByColumn = random.split(newTotal, APPLICANT_WEIGHTS);
  T3_APPLICANT_COLUMNS.forEach((column, c) => {
    const carriedOver = previous ? previous.cells.get(`t3/carriedForward/${column}`)! : random.chance(0.1) ? random.int(0, 3) : 0;
    const toHandle = newByColumn[c]! + carriedOver;
    const carriedForward = Math.floor(toHandle * random.float() * 0.1);
    set('t3/new', column, newByColumn[c]!);
    set('t3/carriedOver', column, carriedOver);
    set('t3/carriedForward', column, carriedForward);
    set('t3/resultsTotal', column, toHandle - carriedForward);
    random.split(toHandle - carriedForward, RESULT_WEIGHTS).forEach((count, r) => set(`t3/${T3_RESULT_ROWS[r]}`, column, count));
  });
  for (const row of ['new', 'carriedOver', ...T3_RESULT_ROWS, 'resultsTotal', 'carriedForward']) {
    set(`t3/${row}`, 'total', T3_APPLICANT_COLUMNS.reduce((sum, column) => sum + cells.get(`t3/${row}/${column}`)!, 0));
  }
  for (const row of T4_TEMPLATE.rows) {
    const cases = random.chance(agency.activity >= 2 ? 0.5 : 0.05) ? random.int(1, agency.activity * 4 + 1) : 0;
    const outcomes = random.split(cases, [5, 2, 1, 1]);
    T4_OUTCOME_COLUMNS.forEach((column, i) => set(`t4/${row.code}`, column, outcomes[i]!));
    set(`t4/${row.code}`, 'total', cases);
  }
  for (const row of ['regulations', 'normativeDocuments']) {
    const issues = row === 'normativeDocuments' || agency.level !== 'DEPARTMENT';
    const before = previous?.cells.get(`t2/${row}/inForce`) ?? (issues ? random.int(0, 80) : 0);
    const issued = issues && random.chance(0.4) ? random.int(1, 8) : 0;
    const repealed = random.chance(0.2) ? random.int(0, Math.min(5, before + issued)) : 0;
    set(`t2/${row}`, 'issued', issued);
    set(`t2/${row}`, 'repealed', repealed);
    set(`t2/${row}`, 'inForce', before + issued - repealed);
  }
  for (const row of ['licensing', 'penalty', 'coercion']) set(`t2/${row}`, 'decisions', random.chance(0.3) ? random.int(1, 10 ** (agency.activity + 1)) : 0);
  const feeTenThousandths = random.chance(0.1) ? random.int(1, 50_000_000) : 0;
  const feeText = feeTenThousandths === 0 ? '0' : (feeTenThousandths / 10_000).toFixed(4);
  cells.set('t2/fees/amount', Number(feeText));
  return { cells, feeText };
}
