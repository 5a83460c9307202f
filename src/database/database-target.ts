import { existsSync } from 'node:fs';
import { DatabaseTargetError } from '../errors/database-target-error';

export type DatabaseTarget = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string; replicaUrls?: string[] };

export const DEFAULT_SQLITE_PATH = 'data/nianbao.sqlite';

/**
 * `DATABASE_URL=postgres://…` selects PostgreSQL (with `DATABASE_REPLICA_URLS`,
 * comma-separated read replicas); otherwise `--db`, then `NIANBAO_DB`, then the default file.
 * A `DATABASE_URL` of another scheme is refused, naming the scheme (never the URL, which may hold a password).
 */
export function resolveDatabaseTarget(dbOption?: string, env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL;
  if (url && !/^postgres(ql)?:\/\//.test(url)) {
    const scheme = /^([A-Za-z][\w+.-]*):/.exec(url)?.[1];
    throw new DatabaseTargetError(`DATABASE_URL: ${scheme ? `the scheme "${scheme}:" is not supported` : 'not a URL'}; use postgres:// or postgresql:// for PostgreSQL, or leave DATABASE_URL unset for a SQLite file`);
  }
  if (url && !dbOption) {
    const replicaUrls = (env.DATABASE_REPLICA_URLS ?? '').split(',').map((u) => u.trim()).filter((u) => u !== '');
    return replicaUrls.length > 0 ? { kind: 'postgres', url, replicaUrls } : { kind: 'postgres', url };
  }
  return { kind: 'sqlite', path: dbOption || env.NIANBAO_DB || DEFAULT_SQLITE_PATH };
}

export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === 'sqlite') return `SQLite ${target.path}`;
  const hide = (url: string) => url.replace(/\/\/[^@/]*@/, '//***@');
  return `PostgreSQL ${hide(target.url)}${target.replicaUrls ? ` (reads from ${target.replicaUrls.map(hide).join(', ')})` : ''}`;
}

/** Refuses a SQLite file that does not exist: only the commands that store reports (`ingest`, `serve`) create a database. */
export function requireExistingDatabase(target: DatabaseTarget): void {
  if (target.kind === 'sqlite' && target.path !== ':memory:' && !existsSync(target.path)) {
    throw new DatabaseTargetError(`no database at ${target.path}: \`nianbao ingest\` or \`nianbao serve\` creates one (choose it with --db or NIANBAO_DB)`);
  }
}
