import type { DataSource } from 'typeorm';
import { openDatabase } from '../database/data-source';
import { requireExistingDatabase, resolveDatabaseTarget } from '../database/database-target';

/**
 * Runs `work` against the database chosen by `--db`, `NIANBAO_DB` or `DATABASE_URL`, and closes it.
 * A SQLite file that is not there is refused unless `create` (ingest), so a mistyped path never answers empty.
 */
export async function withDatabase<T>(dbOption: string | undefined, work: (dataSource: DataSource) => Promise<T>, options: { create?: boolean } = {}): Promise<T> {
  const target = resolveDatabaseTarget(dbOption);
  if (!options.create) requireExistingDatabase(target);
  const dataSource = await openDatabase(target);
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
