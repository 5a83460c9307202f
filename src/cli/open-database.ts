import type { DataSource } from 'typeorm';
import { openDatabase } from '../database/data-source';
import { resolveDatabaseTarget } from '../database/database-target';

/** Runs `work` against the database chosen by `--db`, `NIANBAO_DB` or `DATABASE_URL`, and closes it. */
export async function withDatabase<T>(dbOption: string | undefined, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = await openDatabase(resolveDatabaseTarget(dbOption));
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
