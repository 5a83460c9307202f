import { Client, type Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

export interface HealthProbe {
  /** Resolves when the database answers; rejects with why not. */
  check(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The health check's own connection on PostgreSQL, outside the pool: under a
 * crowd every pooled connection is busy, and `/healthz` must not wait in that
 * line. A connection that fails is closed, and the next check opens another.
 */
export function healthProbe(dataSource: DataSource): HealthProbe {
  if (dataSource.options.type !== 'postgres') return { check: async () => void (await dataSource.query('SELECT 1')), close: async () => undefined };
  const settings = ((dataSource.driver as PostgresDriver).master as Pool).options;
  let client: Promise<Client> | undefined;
  // Checks arriving while one is under way share its answer: one connection runs one query at a time, and checks
  // queued behind each other on it, every one a round trip through a busy event loop, fell further behind each second.
  let inFlight: Promise<void> | undefined;
  const letGo = async () => {
    const held = client;
    client = undefined;
    await held?.then((c) => c.end()).catch(() => undefined);
  };
  const ping = async () => {
    try {
      client ??= connect(settings);
      await (await client).query('SELECT 1');
    } catch (error) {
      await letGo();
      throw error;
    } finally {
      inFlight = undefined;
    }
  };
  return { check: () => (inFlight ??= ping()), close: letGo };
}

async function connect(settings: Pool['options']): Promise<Client> {
  const client = new Client(settings);
  // A connection the server ends between checks fails the next check, not the process.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}
