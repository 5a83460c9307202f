import { T3_APPLICANT_COLUMNS, T3_RESULT_ROWS, T3_TEMPLATE } from '../template/t3.template';
import { T4_OUTCOME_COLUMNS, T4_TEMPLATE } from '../template/t4.template';

/** A linear identity of SPEC §2: Σ coefficient × cell = 0 over the listed addresses. */
export interface Identity {
  /** Stable id of the check family and the row or column it covers, e.g. `t3.rowTotal/new`. */
  id: string;
  /** The rule as a person writes it. */
  rule: string;
  terms: { address: string; coefficient: number }[];
}

function sumIdentity(id: string, rule: string, total: string, parts: readonly string[]): Identity {
  return {
    id,
    rule,
    terms: [{ address: total, coefficient: -1 }, ...parts.map((address) => ({ address, coefficient: 1 }))],
  };
}

const t3Rows = T3_TEMPLATE.rows.map((r) => r.code);
const t3Columns = T3_TEMPLATE.columns.map((c) => c.code);

/** Check 1: t3 each row, total = sum of the six applicant columns. */
export const T3_ROW_TOTALS: Identity[] = t3Rows.map((row) =>
  sumIdentity(
    `t3.rowTotal/${row}`,
    `t3 ${row}: total = sum of the six applicant columns`,
    `t3/${row}/total`,
    T3_APPLICANT_COLUMNS.map((c) => `t3/${row}/${c}`),
  ),
);

/** Check 2: t3 each column, new + carriedOver = resultsTotal + carriedForward. */
export const T3_BALANCES: Identity[] = t3Columns.map((column) => ({
  id: `t3.balance/${column}`,
  rule: `t3 ${column}: new + carriedOver = resultsTotal + carriedForward`,
  terms: [
    { address: `t3/new/${column}`, coefficient: 1 },
    { address: `t3/carriedOver/${column}`, coefficient: 1 },
    { address: `t3/resultsTotal/${column}`, coefficient: -1 },
    { address: `t3/carriedForward/${column}`, coefficient: -1 },
  ],
}));

/** Check 3: t3 each column, resultsTotal = sum of every result row. */
export const T3_RESULT_SUMS: Identity[] = t3Columns.map((column) =>
  sumIdentity(
    `t3.resultsSum/${column}`,
    `t3 ${column}: resultsTotal = granted + partiallyGranted + Σdenied + Σunable + ΣnotProcessed + Σother`,
    `t3/resultsTotal/${column}`,
    T3_RESULT_ROWS.map((row) => `t3/${row}/${column}`),
  ),
);

/** Check 4: t4 each row, total = upheld + corrected + other + pending. */
export const T4_ROW_TOTALS: Identity[] = T4_TEMPLATE.rows.map((row) =>
  sumIdentity(
    `t4.rowTotal/${row.code}`,
    `t4 ${row.code}: total = upheld + corrected + other + pending`,
    `t4/${row.code}/total`,
    T4_OUTCOME_COLUMNS.map((c) => `t4/${row.code}/${c}`),
  ),
);

export const TABLE_IDENTITIES: readonly Identity[] = [...T3_ROW_TOTALS, ...T3_BALANCES, ...T3_RESULT_SUMS, ...T4_ROW_TOTALS];

/** Sum of the identity's terms when every cell is known, else undefined. */
export function identityResidual(identity: Identity, valueOf: (address: string) => number | undefined): number | undefined {
  let residual = 0;
  for (const term of identity.terms) {
    const value = valueOf(term.address);
    if (value === undefined) return undefined;
    residual += term.coefficient * value;
  }
  return residual;
}
