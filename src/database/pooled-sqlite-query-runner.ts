import { QueryFailedError } from 'typeorm';
import { BetterSqlite3QueryRunner } from 'typeorm/driver/better-sqlite3/BetterSqlite3QueryRunner';
import type { BetterSqlite3Driver } from 'typeorm/driver/better-sqlite3/BetterSqlite3Driver';
import { QueryResult } from 'typeorm/query-runner/QueryResult';
import type { ReadStop } from './read-stop';
import { ReadCancelled, type SqliteReadPool } from './sqlite-read-pool';

const READ_STATEMENT = /^\s*(SELECT|WITH)\b/i;

/**
 * One request's reads on SQLite: statements that return rows, outside a
 * transaction, run in the read pool (when there is one) and stop when the
 * request's time is up; anything else runs on the gateway's own connection.
 */
export class PooledSqliteQueryRunner extends BetterSqlite3QueryRunner {
  constructor(
    driver: BetterSqlite3Driver,
    private readonly pool: SqliteReadPool | undefined,
    private readonly stop: ReadStop,
  ) {
    super(driver);
  }

  // TypeORM's own signature: parameters and results are untyped.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override async query(sql: string, parameters: any[] = [], useStructuredResult = false): Promise<any> {
    if (this.isTransactionActive) return super.query(sql, parameters, useStructuredResult);
    this.stop.check();
    if (!this.pool || !READ_STATEMENT.test(sql)) return super.query(sql, parameters, useStructuredResult);
    const bound = parameters.map((value: unknown) => (typeof value === 'boolean' ? Number(value) : value));
    const { logger } = this.driver.dataSource;
    logger.logQuery(sql, bound, this);
    let rows: Record<string, unknown>[];
    try {
      rows = await this.pool.all(sql, bound, this.stop);
    } catch (error) {
      if (error instanceof ReadCancelled) throw this.stop.expiredError();
      logger.logQueryError(error as Error, sql, bound, this);
      throw new QueryFailedError(sql, bound, error as Error);
    }
    if (!useStructuredResult) return rows;
    const result = new QueryResult();
    result.records = rows;
    result.raw = rows;
    return result;
  }
}
