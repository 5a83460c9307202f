import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/database/data-source';
import { ingestReport } from '../../src/ingest/ingest-report';
import { SAMPLE_SOURCES } from '../helpers/gateway';
import { pollHealth, startServeProcess, type ServeProcess } from '../helpers/serve-process';
import { cliDatabase, POSTGRES_SKIP_MESSAGE, POSTGRES_URL, type CliDatabase } from '../helpers/test-databases';
import { tempSqlitePath } from '../helpers/temp-database';

const TIMEOUT_CODE = 'QUERY_TIMEOUT';

function childPids(pid: number): string[] {
  return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).sort();
}

/** Every read of `report` now takes as long as counting to a billion: a statement that runs past any deadline. */
function makeReportsSlow(path: string): void {
  const database = new Database(path);
  try {
    database.exec(`ALTER TABLE report RENAME TO report_stored;
      CREATE VIEW report AS SELECT * FROM report_stored
      WHERE (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000) SELECT max(i) FROM n) > 0;`);
  } finally {
    database.close();
  }
}

describe('SQLite: a read past its deadline', () => {
  const file = tempSqlitePath();
  const TIMEOUT_MS = 500;
  let serve: ServeProcess;

  beforeAll(async () => {
    const dataSource = await openDatabase({ kind: 'sqlite', path: file.path });
    for (const source of SAMPLE_SOURCES.slice(0, 2)) await ingestReport(dataSource, { bytes: readFileSync((source as { file: string }).file) });
    await dataSource.destroy();
    makeReportsSlow(file.path);
    serve = await startServeProcess(['--db', file.path], { NIANBAO_QUERY_TIMEOUT_MS: String(TIMEOUT_MS), NIANBAO_READ_WORKERS: '2', NIANBAO_MAX_CONCURRENT: '1' });
  });

  afterAll(async () => {
    await serve?.stop();
    file.cleanup();
  });

  it('ends the worker running the statement, answers QUERY_TIMEOUT (503), and /healthz answers meanwhile', async () => {
    const workersBefore = childPids(serve.child.pid!);
    expect(workersBefore).toHaveLength(2);
    const health = pollHealth(serve.url);
    const response = await fetch(`${serve.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ reports { totalCount } }' }) });
    const answeredDuring = await health.stop();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ errors: [{ message: `the operation ran past the ${TIMEOUT_MS} ms time limit and was stopped: ask for less at a time`, extensions: { code: TIMEOUT_CODE } }] });
    expect(answeredDuring).toBeGreaterThan(0);
    // The pool ended the worker that was counting and started another in its place.
    const now = await waitFor(() => {
      const pids = childPids(serve.child.pid!);
      return pids.length === 2 && pids.some((pid) => !workersBefore.includes(pid)) ? pids : undefined;
    });
    expect(now.filter((pid) => workersBefore.includes(pid))).toHaveLength(1);
  });

  it('runs one request at a time when NIANBAO_MAX_CONCURRENT=1: a quick one waits for the slow one ahead of it', async () => {
    const finished: string[] = [];
    const send = (name: string, query: string) => serve.graphql(query).then(() => finished.push(name));
    const slow = send('slow', '{ reports { totalCount } }');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await Promise.all([slow, send('quick', '{ agencies { totalCount } }')]);
    expect(finished).toEqual(['slow', 'quick']);
  });

  it('stops an extract at the deadline too: a download cannot hold a worker', async () => {
    const response = await fetch(`${serve.url}/extract/all-cells.csv`, { signal: AbortSignal.timeout(20_000) });
    const body = await response.text();
    expect({ status: response.status, stopped: body.includes(`${TIMEOUT_MS} ms time limit`) }).toEqual({ status: 400, stopped: true });
  });

  it('gives up the place of a request whose client went away while it waited', async () => {
    const slow = serve.graphql('{ reports { totalCount } }');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const gone = fetch(`${serve.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ agencies { totalCount } }' }), signal: AbortSignal.timeout(150) });
    await expect(gone).rejects.toThrow();
    await slow;
    const next = await waitForAsync(async () => {
      const result = await serve.graphql<{ agencies: { totalCount: number } }>('{ agencies { totalCount } }');
      return result.data ? result : undefined;
    });
    expect(next).toEqual({ data: { agencies: { totalCount: 2 } } });
  });

  it('serves requests again once the fresh worker has started', async () => {
    const answer = await waitForAsync(async () => {
      const result = await serve.graphql<{ agencies: { totalCount: number } }>('{ agencies { totalCount } }');
      return result.data ? result : undefined;
    });
    expect(answer).toEqual({ data: { agencies: { totalCount: 2 } } });
  });
});

describe.skipIf(!POSTGRES_URL)('PostgreSQL: a statement past its deadline', () => {
  let database: CliDatabase;
  let serve: ServeProcess;
  const TIMEOUT_MS = 2000;

  beforeAll(async () => {
    database = await cliDatabase();
    const dataSource = await database.open();
    for (const source of SAMPLE_SOURCES.slice(0, 2)) await ingestReport(dataSource, { bytes: readFileSync((source as { file: string }).file) });
    await dataSource.destroy();
    serve = await startServeProcess([], { ...database.env, NIANBAO_QUERY_TIMEOUT_MS: String(TIMEOUT_MS) });
  });

  afterAll(async () => {
    await serve?.stop();
    await database?.cleanup();
  });

  it('is cancelled on the server at the deadline, not at its own statement time limit, and answers QUERY_TIMEOUT', async () => {
    const agencyLock = await lockedTable(database.env.DATABASE_URL!, 'agency');
    const reportLock = await lockedTable(database.env.DATABASE_URL!, 'report');
    try {
      // The first statement waits 1.5 s for the agency table; the second, on reports, is still waiting at the deadline.
      const releaseAgencies = setTimeout(() => void agencyLock.end(), 1500);
      const health = pollHealth(serve.url);
      const started = performance.now();
      const response = await fetch(`${serve.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ agencies(first: 1) { edges { node { reports { id } } } } }' }) });
      const elapsed = performance.now() - started;
      clearTimeout(releaseAgencies);
      expect(await health.stop()).toBeGreaterThan(0);
      expect(response.status).toBe(503);
      expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors.map((e) => e.extensions.code)).toEqual([TIMEOUT_CODE]);
      // A statement time limit alone would have let the second statement wait until 1.5 s + 2 s.
      expect(elapsed).toBeLessThan(TIMEOUT_MS + 1000);
      const waiting = await reportLock.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
      expect(waiting.rows[0].n).toBe(0);
    } finally {
      await reportLock.end();
      await agencyLock.end().catch(() => undefined);
    }
    expect(await serve.graphql('{ reports { totalCount } }')).toEqual({ data: { reports: { totalCount: 2 } } });
  });
});

if (!POSTGRES_URL) it.skip(POSTGRES_SKIP_MESSAGE, () => undefined);

/** A connection holding an exclusive lock on the table until it ends. */
async function lockedTable(url: string, table: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query('BEGIN');
  await client.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
  return client;
}

function waitFor<T>(probe: () => T | undefined): Promise<T> {
  return waitForAsync(async () => probe());
}

async function waitForAsync<T>(probe: () => Promise<T | undefined>): Promise<T> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('condition not reached in 5 s');
}
