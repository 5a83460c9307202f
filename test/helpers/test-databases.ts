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
  const name = `nianbao_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_URL!);
  url.pathname = `/${name}`;
  const dataSource = await openDatabase({ kind: 'postgres', url: url.toString() }, { logger });
  return {
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await adminQuery(`DROP DATABASE IF EXISTS ${name}`);
    },
  };
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
  const name = `nianbao_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return { args: [], env: { DATABASE_URL: url.toString() }, open: () => openDatabase({ kind: 'postgres', url: url.toString() }), cleanup: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
