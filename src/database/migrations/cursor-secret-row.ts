import { randomBytes } from 'node:crypto';
import type { QueryRunner } from 'typeorm';

/** The backfill of the cursor-secret migrations: a database, new or holding reports already, gets its own random secret. */
export async function insertCursorSecret(queryRunner: QueryRunner): Promise<void> {
  const placeholder = queryRunner.connection.options.type === 'postgres' ? '$1' : '?';
  await queryRunner.query(`INSERT INTO "cursor_secret" ("id", "secret") VALUES (1, ${placeholder})`, [randomBytes(32).toString('hex')]);
}
