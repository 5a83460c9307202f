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
}

export function dataSourceOptions(target: DatabaseTarget, options: OpenOptions = {}): DataSourceOptions {
  const common = { entities: ENTITIES, logger: options.logger, logging: options.logger ? ('all' as const) : false, migrationsTransactionMode: 'each' as const };
  if (target.kind === 'postgres') {
    return { ...common, type: 'postgres', url: target.url, migrations: POSTGRES_MIGRATIONS };
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
  const dataSource = new DataSource(dataSourceOptions(target, options));
  await dataSource.initialize();
  if (options.migrate !== false) await dataSource.runMigrations();
  return dataSource;
}
