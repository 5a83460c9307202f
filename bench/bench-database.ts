import { Client } from 'pg';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../src/database/data-source';
import type { DatabaseTarget } from '../src/database/database-target';

export const POSTGRES_ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface BenchDatabase {
  kind: 'sqlite' | 'postgres';
  target: DatabaseTarget;
  open(): Promise<DataSource>;
  sizeMiB(): Promise<number>;
  drop(): Promise<void>;
}

/** A fresh, migrated database of the kind, named for this run. */
export async function benchDatabase(kind: 'sqlite' | 'postgres', dir: string, name: string): Promise<BenchDatabase> {
  if (kind === 'sqlite') {
    const path = join(dir, `${name}.sqlite`);
    const target: DatabaseTarget = { kind: 'sqlite', path };
    await (await openDatabase(target)).destroy();
    return {
      kind,
      target,
      open: () => openDatabase(target),
      sizeMiB: async () => ['', '-wal'].reduce((sum, suffix) => sum + (sizeOf(path + suffix) ?? 0), 0) / 2 ** 20,
      drop: async () => ['', '-wal', '-shm'].forEach((suffix) => rmSync(path + suffix, { force: true })),
    };
  }
  const database = `nianbao_bench_${name}`;
  await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${database}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${database}`;
  const target: DatabaseTarget = { kind: 'postgres', url: url.toString() };
  await (await openDatabase(target)).destroy();
  return {
    kind,
    target,
    open: () => openDatabase(target),
    sizeMiB: async () => Number((await admin(`SELECT pg_database_size('${database}') AS size`))[0]!.size) / 2 ** 20,
    drop: async () => void (await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)),
  };
}

export async function postgresReachable(): Promise<boolean> {
  try {
    await admin('SELECT 1');
    return true;
  } catch {
    return false;
  }
}

/** The PostgreSQL server's main process (the parent of every backend and parallel worker), when it runs on this machine. */
export async function postgresServerPid(): Promise<number | undefined> {
  const client = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    const backend = Number((await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid);
    return Number(/^\d+ \(.*\) \S+ (\d+)/s.exec(readFileSync(`/proc/${backend}/stat`, 'utf8'))![1]);
  } catch {
    return undefined; // on another machine, or in a container of its own
  } finally {
    await client.end();
  }
}

function admin(sql: string): Promise<Record<string, unknown>[]> {
  return runSql(POSTGRES_ADMIN_URL, sql);
}

/** One statement on a PostgreSQL database, on a connection of its own. */
export async function runSql(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

function sizeOf(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch {
    return undefined;
  }
}
