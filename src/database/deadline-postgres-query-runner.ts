import { Client, type ClientBase } from 'pg';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { ReplicationMode } from 'typeorm';
import type { ReadStop } from './read-stop';

/** PostgreSQL's query_canceled. */
const QUERY_CANCELED = '57014';

/**
 * One request's statements on PostgreSQL, each on a pooled connection of its
 * own (so a request's batches still run side by side) that is cancelled on the
 * server the moment the request's time runs out: the database stops the work too.
 */
export class DeadlinePostgresQueryRunner extends PostgresQueryRunner {
  constructor(
    driver: PostgresDriver,
    mode: ReplicationMode,
    private readonly stop: ReadStop,
  ) {
    super(driver, mode);
  }

  // TypeORM's own signature: parameters and results are untyped.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override async query(sql: string, parameters?: any[], useStructuredResult = false): Promise<any> {
    // Inside a transaction the statements share this runner's own connection.
    if (this.isTransactionActive || this.databaseConnection) return super.query(sql, parameters, useStructuredResult);
    this.stop.check();
    const statement = this.driver.createQueryRunner(this.mode);
    let cancelled = false;
    try {
      const client = (await statement.connect()) as ClientBase;
      const stopCancel = this.stop.onExpiry(() => {
        cancelled = true;
        cancelRunning(client);
      });
      try {
        return await statement.query(sql, parameters, useStructuredResult);
      } catch (error) {
        if (cancelled && (error as { driverError?: { code?: string } }).driverError?.code === QUERY_CANCELED) throw this.stop.expiredError();
        throw error;
      } finally {
        stopCancel();
      }
    } finally {
      await statement.release();
    }
  }
}

/** Sends PostgreSQL's cancel request for what the client is running, over a connection of its own, as psql does. */
function cancelRunning(client: ClientBase): void {
  const running = client as ClientBase & { activeQuery?: unknown; host: string; port: number };
  if (!running.activeQuery) return;
  const canceller = new Client({ host: running.host, port: running.port }) as Client & { cancel(client: ClientBase, query: unknown): void };
  canceller.cancel(client, running.activeQuery);
}
