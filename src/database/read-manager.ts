import type { DataSource, EntityManager } from 'typeorm';
import type { BetterSqlite3Driver } from 'typeorm/driver/better-sqlite3/BetterSqlite3Driver';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { DeadlinePostgresQueryRunner } from './deadline-postgres-query-runner';
import { PooledSqliteQueryRunner } from './pooled-sqlite-query-runner';
import type { ReadStop } from './read-stop';
import type { SqliteReadPool } from './sqlite-read-pool';

/**
 * The entity manager one request reads through: every statement checks the
 * request's deadline; on SQLite its reads run in the read pool (when the
 * gateway has one), on PostgreSQL its statements are cancelled when its time is up.
 */
export function readManager(dataSource: DataSource, stop: ReadStop, pool?: SqliteReadPool): EntityManager {
  if (dataSource.options.type === 'postgres') {
    const runner = new DeadlinePostgresQueryRunner(dataSource.driver as PostgresDriver, dataSource.defaultReplicationModeForReads(), stop);
    return dataSource.createEntityManager(runner);
  }
  return dataSource.createEntityManager(new PooledSqliteQueryRunner(dataSource.driver as BetterSqlite3Driver, pool, stop));
}
