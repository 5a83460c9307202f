import type { DataSource, QueryRunner } from 'typeorm';

export interface HealthProbe {
  /** Resolves when the database answers; rejects with why not. */
  check(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The health check's own connection on PostgreSQL: under a crowd every pooled
 * connection is busy, and `/healthz` must not wait in that line. A connection
 * that fails is let go, and the next check opens another.
 */
export function healthProbe(dataSource: DataSource): HealthProbe {
  if (dataSource.options.type !== 'postgres') return { check: async () => void (await dataSource.query('SELECT 1')), close: async () => undefined };
  let runner: QueryRunner | undefined;
  const letGo = async () => {
    const held = runner;
    runner = undefined;
    await held?.release().catch(() => undefined);
  };
  return {
    async check() {
      try {
        runner ??= dataSource.createQueryRunner('master');
        await runner.query('SELECT 1');
      } catch (error) {
        await letGo();
        throw error;
      }
    },
    close: letGo,
  };
}
