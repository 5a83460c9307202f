export type DatabaseTarget = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string; replicaUrls?: string[] };

export const DEFAULT_SQLITE_PATH = 'data/nianbao.sqlite';

/**
 * `DATABASE_URL=postgres://…` selects PostgreSQL (with `DATABASE_REPLICA_URLS`,
 * comma-separated read replicas); otherwise `--db`, then `NIANBAO_DB`, then the default file.
 */
export function resolveDatabaseTarget(dbOption?: string, env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL;
  if (url && /^postgres(ql)?:\/\//.test(url) && !dbOption) {
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
