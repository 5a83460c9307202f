/**
 * The p-quantile (0 ≤ p ≤ 1) of an expression over a group's rows, linearly
 * interpolated (Excel's PERCENTILE.INC): PostgreSQL's ordered-set aggregate,
 * or SQLite's own percentile_cont (built into the SQLite better-sqlite3 ships).
 * Nulls are left out on both. `fraction` is SQL: a literal or a parameter.
 */
export function percentileSql(postgres: boolean, expression: string, fraction: string): string {
  return postgres ? `percentile_cont(CAST(${fraction} AS DOUBLE PRECISION)) WITHIN GROUP (ORDER BY ${expression})` : `percentile_cont(${expression}, ${fraction})`;
}
