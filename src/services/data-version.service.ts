import type { DataSource, EntityManager } from 'typeorm';
import { DataVersion } from '../entities/data-version.entity';

const ROW = 1;

/** Called inside every transaction that changes stored data. */
export async function bumpDataVersion(manager: EntityManager): Promise<void> {
  await manager.increment(DataVersion, { id: ROW }, 'version', 1);
}

export async function currentDataVersion(dataSource: DataSource): Promise<number> {
  return (await dataSource.getRepository(DataVersion).findOneByOrFail({ id: ROW })).version;
}
