import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import pino from 'pino';
import { openDatabase } from '../../src/database/data-source';
import { gatewayErrorFormatter } from '../../src/server/format-error';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS } from '../helpers/fixtures';
import { SAMPLE_SOURCES, startTestGateway, type TestGateway } from '../helpers/gateway';
import { writeCorpus, type Corpus } from '../helpers/corpus';
import { runCli } from '../helpers/run-cli';
import { startServeProcess } from '../helpers/serve-process';
import { tempSqlitePath } from '../helpers/temp-database';
import { POSTGRES_URL, postgresDatabaseUrl } from '../helpers/test-databases';

const BIN = join(__dirname, '..', '..', 'bin', 'nianbao.js');
const NESTED = '{ reports(first: 20) { totalCount edges { node { id year agency { name } tables { rows { cells { value } } } checks { status } } } } }';

describe('SQLite: concurrent readers and one writer', () => {
  let corpus: Corpus;
  beforeAll(async () => {
    corpus = await writeCorpus({ agencies: 100, seed: 31 });
  });
  afterAll(() => corpus.cleanup());

  it('readers never see an error or a partial report while a second process ingests 300 reports', async () => {
    const db = tempSqlitePath();
    expect(runCli(['ingest', SEEDS, '--db', db.path]).status).toBe(0);
    const serve = await startServeProcess(['--db', db.path], {});
    try {
      const writer = spawn(process.execPath, [BIN, 'ingest', corpus.dir, '--db', db.path], { env: { ...process.env, DATABASE_URL: '', NIANBAO_DB: '' } });
      let writerOutput = '';
      writer.stdout.on('data', (chunk: Buffer) => (writerOutput += chunk.toString()));
      const writerDone = new Promise<number | null>((resolve) => writer.on('exit', resolve));
      let writing = true;
      void writerDone.then(() => (writing = false));

      const seen: number[] = [];
      const reader = async () => {
        for (let round = 0; writing || round < 3; round += 1) {
          const body = await serve.graphql<{ reports: { totalCount: number; edges: { node: { tables: { rows: { cells: unknown[] }[] }[] } }[] } }>(NESTED);
          expect(body.errors).toBeUndefined();
          seen.push(body.data!.reports.totalCount);
          for (const { node } of body.data!.reports.edges) expect(node.tables.flatMap((t) => t.rows.flatMap((r) => r.cells))).toHaveLength(200);
        }
      };
      const exporter = () => runCli(['export', '--format', 'ndjson', '--db', db.path]);
      await Promise.all([reader(), reader(), reader(), reader(), reader(), reader()]);
      expect(exporter().status).toBe(0);

      expect(await writerDone).toBe(0);
      expect(writerOutput).toContain('300 file(s): 300 stored, 0 replaced, 0 unchanged, 0 kept, 0 refused');
      // Readers saw the corpus grow while it was written, never shrink.
      expect(seen.length).toBeGreaterThan(6);
      expect(Math.min(...seen)).toBeGreaterThanOrEqual(5);
      expect(Math.max(...seen)).toBe(305);
      expect(seen.some((count) => count > 5 && count < 305)).toBe(true);
    } finally {
      await serve.stop();
      db.cleanup();
    }
  });
});

describe('SQLite: the file taken away while serving', () => {
  const filePath = (gateway: TestGateway) => String(gateway.dataSource.options.database);

  it('the open connections keep the file: /graphql and /extract go on answering with the same data', async () => {
    // One read worker, which has the file open once the first request is answered.
    const gateway = await startTestGateway(SAMPLE_SOURCES, { kind: 'sqlite', settings: { readWorkers: 1 } });
    try {
      expect((await gateway.graphql('{ reports { totalCount } }')).body).toEqual({ data: { reports: { totalCount: 5 } } });
      rmSync(filePath(gateway));
      expect(existsSync(filePath(gateway))).toBe(false);
      expect((await gateway.graphql('{ reports { totalCount } }')).body).toEqual({ data: { reports: { totalCount: 5 } } });
      const extract = await fetch(`${gateway.url}/extract/all-cells.csv`);
      expect(extract.status).toBe(200);
      // 5 sample reports of 200 cells each, plus the header line.
      expect((await extract.text()).trim().split('\n')).toHaveLength(5 * 200 + 1);
    } finally {
      await gateway.stop();
    }
  });

  it('a read worker that starts after the file is gone answers DATABASE_UNAVAILABLE (503) at once, on /graphql and /extract; the reads do not wait for ever', async () => {
    const gateway = await startTestGateway(SAMPLE_SOURCES, { kind: 'sqlite', settings: { readWorkers: 1 }, prepare: async (dataSource) => rmSync(String(dataSource.options.database)) });
    try {
      const answer = await gateway.graphql('{ reports { totalCount } }');
      expect(answer.status).toBe(503);
      expect(answer.body.errors?.[0]?.extensions).toEqual({ code: 'DATABASE_UNAVAILABLE' });
      const extract = await fetch(`${gateway.url}/extract/all-cells.csv`);
      expect({ status: extract.status, retryAfter: extract.headers.get('retry-after'), body: await extract.json() }).toEqual({
        status: 503,
        retryAfter: '5',
        body: { error: 'the database is unavailable for the moment: try again shortly', code: 'DATABASE_UNAVAILABLE' },
      });
    } finally {
      await gateway.stop();
    }
  });
});

describe.skipIf(!POSTGRES_URL)('PostgreSQL: connection loss', () => {
  let gateway: TestGateway;
  let admin: Client;
  let database: string;
  beforeAll(async () => {
    gateway = await startTestGateway(SAMPLE_SOURCES, { kind: 'postgres' });
    [{ current_database: database }] = await gateway.dataSource.query('SELECT current_database()');
    admin = new Client({ connectionString: POSTGRES_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS true`);
    await admin.end();
    await gateway.stop();
  });

  it('a statement running past the time limit is cancelled by PostgreSQL and reported as QUERY_TIMEOUT', async () => {
    const limited = await openDatabase({ kind: 'postgres', url: postgresDatabaseUrl(database) }, { statementTimeoutMs: 200 });
    try {
      expect(await limited.query('SHOW statement_timeout')).toEqual([{ statement_timeout: '200ms' }]);
      const error = await limited.query('SELECT pg_sleep(2)').catch((caught: unknown) => caught);
      const formatted = gatewayErrorFormatter(true, 200, pino({ level: 'silent' }))({ message: String(error), extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error);
      expect(formatted).toEqual({ message: 'the operation ran past the 200 ms time limit and was stopped: ask for less at a time', extensions: { code: 'QUERY_TIMEOUT' } });
    } finally {
      await limited.destroy();
    }
  });

  it('with the database gone requests fail with DATABASE_UNAVAILABLE (503) and /healthz says so; once it is back they succeed', async () => {
    expect((await gateway.graphql('{ reports { totalCount } }')).body).toEqual({ data: { reports: { totalCount: 5 } } });
    await admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS false`);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);

    const failed = await gateway.graphql('{ reports { totalCount } }');
    expect(failed.status).toBe(503);
    expect(failed.body.errors![0]).toMatchObject({ message: 'the database is unavailable for the moment: try again shortly', extensions: { code: 'DATABASE_UNAVAILABLE' } });
    expect((await fetch(`${gateway.url}/healthz`)).status).toBe(503);

    await admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS true`);
    expect((await gateway.graphql('{ reports { totalCount } }')).body).toEqual({ data: { reports: { totalCount: 5 } } });
    expect(await (await fetch(`${gateway.url}/healthz`)).json()).toEqual({ status: 'ok' });
  });

  it('with the database gone /extract answers 503 DATABASE_UNAVAILABLE with Retry-After, not cached; once it is back it streams again', async () => {
    const extract = (file: string) => fetch(`${gateway.url}/extract/${file}`);
    const served = await extract('all-cells.csv');
    expect(served.status).toBe(200);
    const dataEtag = served.headers.get('etag');
    await admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS false`);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
    try {
      for (const file of ['all-cells.csv', 'failing-checks.ndjson', 'report-tables.json']) {
        const failed = await extract(file);
        expect({ file, status: failed.status, retryAfter: failed.headers.get('retry-after'), cacheControl: failed.headers.get('cache-control') }).toEqual({ file, status: 503, retryAfter: '5', cacheControl: 'no-store' });
        expect(failed.headers.get('etag')).not.toBe(dataEtag);
        expect(await failed.json()).toEqual({ error: 'the database is unavailable for the moment: try again shortly', code: 'DATABASE_UNAVAILABLE' });
      }
    } finally {
      await admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS true`);
    }
    const back = await extract('all-cells.csv');
    expect(back.status).toBe(200);
    // 5 sample reports of 200 cells each (the national template's cell count), plus the header line.
    expect((await back.text()).trim().split('\n')).toHaveLength(5 * 200 + 1);
  });
});
