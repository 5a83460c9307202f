import { GENERATIONS } from '../template/generations.template';
import { tablesOf } from '../template/tables.template';
import { resultRowsOf, T3_APPLICANT_COLUMNS } from '../template/t3.template';
import type { Generation, TableTemplate } from '../template/template.types';
import { T4_OUTCOME_COLUMNS, T4_TEMPLATE } from '../template/t4.template';

/** A linear identity of the tables (a row total, a column balance or sum): Σ coefficient × cell = 0 over the listed addresses. */
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

/** Checks 1–3 over a generation's t3: each row's total, each column's balance, each column's results. */
function t3Identities(t3: TableTemplate): Identity[] {
  const columns = t3.columns.map((c) => c.code);
  const rowTotals = t3.rows.map((r) =>
    sumIdentity(`t3.rowTotal/${r.code}`, `t3 ${r.code}: total = sum of the six applicant columns`, `t3/${r.code}/total`, T3_APPLICANT_COLUMNS.map((c) => `t3/${r.code}/${c}`)),
  );
  const balances = columns.map((column) => ({
    id: `t3.balance/${column}`,
    rule: `t3 ${column}: new + carriedOver = resultsTotal + carriedForward`,
    terms: [
      { address: `t3/new/${column}`, coefficient: 1 },
      { address: `t3/carriedOver/${column}`, coefficient: 1 },
      { address: `t3/resultsTotal/${column}`, coefficient: -1 },
      { address: `t3/carriedForward/${column}`, coefficient: -1 },
    ],
  }));
  const resultSums = columns.map((column) =>
    sumIdentity(
      `t3.resultsSum/${column}`,
      `t3 ${column}: resultsTotal = granted + partiallyGranted + Σdenied + Σunable + ΣnotProcessed + Σother`,
      `t3/resultsTotal/${column}`,
      resultRowsOf(t3).map((row) => `t3/${row}/${column}`),
    ),
  );
  return [...rowTotals, ...balances, ...resultSums];
}

/** Check 4: t4 each row, total = upheld + corrected + other + pending. */
export const T4_ROW_TOTALS: Identity[] = T4_TEMPLATE.rows.map((row) =>
  sumIdentity(
    `t4.rowTotal/${row.code}`,
    `t4 ${row.code}: total = upheld + corrected + other + pending`,
    `t4/${row.code}/total`,
    T4_OUTCOME_COLUMNS.map((c) => `t4/${row.code}/${c}`),
  ),
);

const IDENTITIES_BY_GENERATION = new Map<Generation, readonly Identity[]>(
  GENERATIONS.map((generation) => {
    const t3 = tablesOf(generation).find((table) => table.code === 't3');
    return [generation, t3 ? [...t3Identities(t3), ...T4_ROW_TOTALS] : []];
  }),
);

/** The table identities (checks 1–4 of docs/checks.md) over a generation's tables (G2's （六）其他处理 is one row). */
export function identitiesOf(generation: Generation): readonly Identity[] {
  return IDENTITIES_BY_GENERATION.get(generation)!;
}

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
