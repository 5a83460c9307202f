import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../../src/database/data-source';

export interface TempSqlite {
  dir: string;
  path: string;
  cleanup(): void;
}

export function tempSqlitePath(): TempSqlite {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-test-'));
  return { dir, path: join(dir, 'test.sqlite'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A migrated database in a fresh SQLite file. */
export async function openTempSqlite(): Promise<{ dataSource: DataSource; file: TempSqlite }> {
  const file = tempSqlitePath();
  const dataSource = await openDatabase({ kind: 'sqlite', path: file.path });
  return { dataSource, file };
}
