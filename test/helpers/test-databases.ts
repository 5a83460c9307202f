import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource, Logger } from 'typeorm';
import { openDatabase } from '../../src/database/data-source';
import { tempSqlitePath } from './temp-database';

/** Set DATABASE_URL=postgres://… to run the database suites on PostgreSQL too (each file in a fresh database). */
export const POSTGRES_URL = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '') ? process.env.DATABASE_URL! : undefined;

export const POSTGRES_SKIP_MESSAGE = 'PostgreSQL suite skipped: set DATABASE_URL=postgres://… to run it';

export type DatabaseKind = 'sqlite' | 'postgres';

export const DATABASE_KINDS: DatabaseKind[] = POSTGRES_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDatabase {
  dataSource: DataSource;
  close(): Promise<void>;
}

/** A migrated, empty database: a fresh SQLite file, or a fresh PostgreSQL database on DATABASE_URL's server. */
export async function openTestDatabase(kind: DatabaseKind, logger?: Logger): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const file = tempSqlitePath();
    const dataSource = await openDatabase({ kind: 'sqlite', path: file.path }, { logger });
    return { dataSource, close: async () => (await dataSource.destroy(), file.cleanup()) };
  }
  const database = await tempPostgresDatabase();
  const dataSource = await openDatabase({ kind: 'postgres', url: database.url }, { logger });
  return { dataSource, close: async () => (await dataSource.destroy(), await database.drop()) };
}

export interface TempPostgresDatabase {
  name: string;
  url: string;
  /** Drops it, ending any connection still open to it. */
  drop(): Promise<void>;
}

/** A fresh, empty database (not migrated) on DATABASE_URL's server. */
export async function tempPostgresDatabase(prefix = 'nianbao_test'): Promise<TempPostgresDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  return { name, url: postgresDatabaseUrl(name), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** DATABASE_URL pointed at another database of its server. */
export function postgresDatabaseUrl(name: string): string {
  const url = new URL(POSTGRES_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface CliDatabase {
  /** Arguments and environment that point the `nianbao` command at the database. */
  args: string[];
  env: NodeJS.ProcessEnv;
  open(): Promise<DataSource>;
  cleanup(): Promise<void>;
}

/** A fresh database for CLI tests: PostgreSQL through DATABASE_URL in the PostgreSQL run, else a SQLite file through --db. */
export async function cliDatabase(): Promise<CliDatabase> {
  if (!POSTGRES_URL) {
    const file = tempSqlitePath();
    return { args: ['--db', file.path], env: {}, open: () => openDatabase({ kind: 'sqlite', path: file.path }), cleanup: async () => file.cleanup() };
  }
  const { url, drop } = await tempPostgresDatabase();
  return { args: [], env: { DATABASE_URL: url }, open: () => openDatabase({ kind: 'postgres', url }), cleanup: drop };
}
