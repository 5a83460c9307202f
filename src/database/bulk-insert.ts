import type { EntityManager } from 'typeorm';

/** Rows per statement: well under SQLite's and PostgreSQL's bound-parameter limits. */
const ROWS_PER_STATEMENT = 250;

/**
 * Multi-row INSERT with bound parameters, for the ingest hot path where
 * TypeORM's per-entity insert builder costs more than the database does.
 * Columns are database column names; booleans become 0/1 on SQLite.
 */
export async function bulkInsert(manager: EntityManager, table: string, columns: readonly string[], rows: readonly unknown[][]): Promise<void> {
  const postgres = manager.connection.driver.options.type === 'postgres';
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    const parameters = chunk.flat().map((value) => (typeof value === 'boolean' && !postgres ? Number(value) : value));
    await manager.query(insertStatement(postgres, table, columns, chunk.length), parameters);
  }
}

const statements = new Map<string, string>();

/** The INSERT text for so many rows, built once: the driver then reuses its prepared statement. */
function insertStatement(postgres: boolean, table: string, columns: readonly string[], rowCount: number): string {
  const key = `${postgres}|${table}|${columns.join(',')}|${rowCount}`;
  let sql = statements.get(key);
  if (!sql) {
    let n = 0;
    const row = () => `(${columns.map(() => (postgres ? `$${++n}` : '?')).join(', ')})`;
    sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${Array.from({ length: rowCount }, row).join(', ')}`;
    statements.set(key, sql);
  }
  return sql;
}
