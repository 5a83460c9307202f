export type DatabaseTarget = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export const DEFAULT_SQLITE_PATH = 'data/nianbao.sqlite';

/** `DATABASE_URL=postgres://…` selects PostgreSQL; otherwise `--db`, then `NIANBAO_DB`, then the default file. */
export function resolveDatabaseTarget(dbOption?: string, env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL;
  if (url && /^postgres(ql)?:\/\//.test(url) && !dbOption) return { kind: 'postgres', url };
  return { kind: 'sqlite', path: dbOption || env.NIANBAO_DB || DEFAULT_SQLITE_PATH };
}

export function describeTarget(target: DatabaseTarget): string {
  return target.kind === 'sqlite' ? `SQLite ${target.path}` : `PostgreSQL ${target.url.replace(/\/\/[^@/]*@/, '//***@')}`;
}
