import { Client } from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { healthProbe } from '../../src/database/health-probe';
import { openTestDatabase, POSTGRES_SKIP_MESSAGE, POSTGRES_URL } from '../helpers/test-databases';

describe.skipIf(!POSTGRES_URL)('the health probe (PostgreSQL)', () => {
  it('checks arriving while one is under way share its query; the next check asks again', async () => {
    const { dataSource, close } = await openTestDatabase('postgres');
    const probe = healthProbe(dataSource);
    const queries = vi.spyOn(Client.prototype, 'query');
    try {
      await Promise.all(Array.from({ length: 5 }, () => probe.check()));
      expect(queries).toHaveBeenCalledTimes(1);
      await probe.check();
      expect(queries).toHaveBeenCalledTimes(2);
    } finally {
      queries.mockRestore();
      await probe.close();
      await close();
    }
  });

  it('a database that went away fails the check; one that came back passes it', async () => {
    const { dataSource, close } = await openTestDatabase('postgres');
    const probe = healthProbe(dataSource);
    try {
      await probe.check();
      const [{ pid }] = await dataSource.query("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = 'SELECT 1' AND pid <> pg_backend_pid()");
      await dataSource.query('SELECT pg_terminate_backend($1)', [pid]);
      await expect(probe.check()).rejects.toThrow();
      await probe.check();
    } finally {
      await probe.close();
      await close();
    }
  });
});

if (!POSTGRES_URL) {
  describe('the health probe', () => {
    it.skip(POSTGRES_SKIP_MESSAGE, () => undefined);
  });
}
