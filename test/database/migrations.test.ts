import { describe, expect, it } from 'vitest';
import { DATABASE_KINDS, openTestDatabase, POSTGRES_SKIP_MESSAGE, POSTGRES_URL } from '../helpers/test-databases';

describe.each(DATABASE_KINDS)('migrations (%s)', (kind) => {
  it('build exactly the schema the entities describe', async () => {
    const { dataSource, close } = await openTestDatabase(kind);
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      if (kind === 'sqlite') {
        expect(await dataSource.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
        expect(await dataSource.query('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }]);
      }
    } finally {
      await close();
    }
  });
});

if (POSTGRES_URL === undefined) {
  describe('PostgreSQL', () => {
    it.skip(POSTGRES_SKIP_MESSAGE, () => undefined);
  });
}
