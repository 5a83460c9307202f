import { createHmac } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { CursorSecret } from '../entities/cursor-secret.entity';

const keys = new WeakMap<DataSource, Promise<Buffer>>();

/**
 * Reads the key cursors are signed with for this database, once: from
 * NIANBAO_CURSOR_SECRET when one is given, else from the random secret a
 * migration stored in the database. Either way every replica on the database,
 * and every restart, has the same key. The gateway loads it before it listens.
 */
export function loadCursorKey(dataSource: DataSource, secret?: string): Promise<Buffer> {
  const key = secret !== undefined ? Promise.resolve(cursorKey(secret)) : storedSecret(dataSource).then(cursorKey);
  keys.set(dataSource, key);
  key.catch(() => keys.delete(dataSource));
  return key;
}

/** The key loaded for the database (the stored secret's, when none was loaded). */
export function cursorKeyOf(dataSource: DataSource): Promise<Buffer> {
  return keys.get(dataSource) ?? loadCursorKey(dataSource);
}

/** From the primary: a read replica may not have caught up with the migration that stored it. */
async function storedSecret(dataSource: DataSource): Promise<string> {
  const primary = dataSource.createQueryRunner('master');
  try {
    return (await primary.manager.findOneByOrFail(CursorSecret, { id: 1 })).secret;
  } finally {
    await primary.release();
  }
}

/** A key of its own for cursors, whatever else the secret is used for. */
function cursorKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('nianbao connection cursor').digest();
}
