import workerpool from 'workerpool';
import type { ReadStop } from './read-stop';
import type { ReadResult } from './sqlite-read-worker';
import { workerScript } from './worker-script';

/** A read ended because its time ran out. */
export class ReadCancelled extends Error {
  constructor() {
    super('the read was stopped: its time ran out');
  }
}

/**
 * Runs SQLite reads in child processes, each with its own read-only connection
 * to the WAL database file, so that the gateway's own thread stays free to
 * answer, parse, validate and refuse. A read whose time runs out ends its
 * process, which is the only way to stop a statement better-sqlite3 is running;
 * the pool starts a fresh one in its place.
 */
export class SqliteReadPool {
  private readonly pool: workerpool.Pool;

  constructor(path: string, size: number) {
    this.pool = workerpool.pool(workerScript(__dirname, 'sqlite-read-worker.js'), {
      workerType: 'process',
      maxWorkers: size,
      minWorkers: size,
      forkArgs: [path],
      // In a process group of their own: a Ctrl-C, sent to the terminal's whole group, would end them under the reads in flight that shutdown
      // lets finish. The pool ends them itself, and a worker whose gateway is gone exits when its IPC channel closes.
      forkOpts: { stdio: 'inherit', detached: true },
      // A stopped worker is blocked in SQLite and cannot answer workerpool's clean-up message: end it without waiting long.
      workerTerminateTimeout: 50,
    });
  }

  /** Every row of one statement, as objects keyed by column name. */
  async all(sql: string, parameters: unknown[], stop: ReadStop): Promise<Record<string, unknown>[]> {
    const task = this.pool.exec('all', [sql, parameters]) as workerpool.Promise<ReadResult>;
    const cancel = stop.onExpiry(() => task.cancel());
    try {
      return toObjects(await task);
    } catch (error) {
      if (error instanceof workerpool.Promise.CancellationError) throw new ReadCancelled();
      throw error;
    } finally {
      cancel();
    }
  }

  async close(): Promise<void> {
    await this.pool.terminate(true);
  }
}

function toObjects({ columns, rows }: ReadResult): Record<string, unknown>[] {
  return rows.map((row) => {
    const object: Record<string, unknown> = {};
    for (let i = 0; i < columns.length; i += 1) object[columns[i]!] = row[i];
    return object;
  });
}
