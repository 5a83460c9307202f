import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, type DataSourceOptions, type Logger } from 'typeorm';
import type { DatabaseTarget } from './database-target';
import { ENTITIES } from './entities';
import { POSTGRES_MIGRATIONS } from './migrations/postgres';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';

export interface OpenOptions {
  logger?: Logger;
  /** Run pending migrations on open (the default). */
  migrate?: boolean;
  /** PostgreSQL cancels any one statement running longer (the gateway's operation time limit). */
  statementTimeoutMs?: number;
}

export function dataSourceOptions(target: DatabaseTarget, options: OpenOptions = {}): DataSourceOptions {
  const common = { entities: ENTITIES, logger: options.logger, logging: options.logger ? ('all' as const) : false, migrationsTransactionMode: 'each' as const };
  if (target.kind === 'postgres') {
    // With replicas, TypeORM sends reads outside transactions to them and everything else to the primary.
    const connection = target.replicaUrls?.length ? { replication: { master: { url: target.url }, slaves: target.replicaUrls.map((url) => ({ url })) } } : { url: target.url };
    const extra = options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : undefined;
    return { ...common, type: 'postgres', ...connection, extra, migrations: POSTGRES_MIGRATIONS };
  }
  return {
    ...common,
    type: 'better-sqlite3',
    database: target.path,
    enableWAL: true,
    timeout: 10_000,
    migrations: SQLITE_MIGRATIONS,
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      db.pragma('foreign_keys = ON');
      // WAL with NORMAL: a commit does not wait for the disk; a crash keeps every committed transaction but possibly the last.
      db.pragma('synchronous = NORMAL');
      // Fewer, larger checkpoints and a 64 MiB page cache: ingest writes hundreds of index entries per report.
      db.pragma('wal_autocheckpoint = 8000');
      db.pragma('cache_size = -65536');
    },
  };
}

/** Opens the database, creating the SQLite file's folder and running pending migrations. */
export async function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<DataSource> {
  if (target.kind === 'sqlite' && target.path !== ':memory:') mkdirSync(dirname(target.path), { recursive: true });
  if (target.kind === 'postgres' && options.statementTimeoutMs && options.migrate !== false) {
    // A migration may rightly run longer than any query may: it runs first, on connections without the limit.
    await (await openDatabase(target, { ...options, statementTimeoutMs: undefined })).destroy();
    return openDatabase(target, { ...options, migrate: false });
  }
  const dataSource = new DataSource(dataSourceOptions(target, options));
  await dataSource.initialize();
  if (options.migrate !== false) await migrate(dataSource);
  return dataSource;
}

/** Key of the PostgreSQL advisory lock that lets one of several starting replicas migrate at a time. */
const MIGRATION_LOCK = 4_2_2021;

async function migrate(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type !== 'postgres') return migrateSqlite(dataSource);
  const lock = dataSource.createQueryRunner('master');
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations();
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
  }
}

/**
 * Processes starting together on one SQLite file race to migrate it. Each takes the file's write lock before it
 * reads which migrations ran, so the others wait and then find nothing left to run. Foreign keys are off while
 * migrations rebuild tables (SQLite ignores that pragma inside a transaction, so it is set first).
 */
async function migrateSqlite(dataSource: DataSource): Promise<void> {
  await dataSource.query('PRAGMA foreign_keys = OFF');
  try {
    await lockForWriting(dataSource);
    try {
      await dataSource.runMigrations({ transaction: 'none' });
      await dataSource.query('COMMIT');
    } catch (error) {
      await dataSource.query('ROLLBACK');
      throw error;
    }
  } finally {
    await dataSource.query('PRAGMA foreign_keys = ON');
  }
}

/** Waits for the write lock: each try waits out the connection's busy timeout (10 s), for about five minutes in all. */
async function lockForWriting(dataSource: DataSource): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await dataSource.query('BEGIN IMMEDIATE');
      return;
    } catch (error) {
      if (attempt >= 30 || !/database is locked/.test(String(error))) throw error;
    }
  }
}
