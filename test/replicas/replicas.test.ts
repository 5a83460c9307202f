import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Report } from '../../src/entities/report.entity';
import { sampleText } from '../helpers/fixtures';
import { startServeProcess, type ServeProcess } from '../helpers/serve-process';
import { cliDatabase, POSTGRES_SKIP_MESSAGE, POSTGRES_URL, type CliDatabase } from '../helpers/test-databases';

const KEY = { NIANBAO_API_KEYS: 'replica-key' };
const AUTH = { authorization: 'Bearer replica-key' };
const INGEST = 'mutation($text: String!, $agency: String) { ingestReport(input: { text: $text, agencyName: $agency }) { outcome report { id } } }';
const AGGREGATE = '{ aggregate(groupBy: [YEAR], measures: ["t3/new/total", "completionRate"]) { key { year } count values { sum pooled } } }';

describe('two gateway processes on one database', () => {
  let database: CliDatabase;
  let first: ServeProcess;
  let second: ServeProcess;

  beforeAll(async () => {
    database = await cliDatabase();
    [first, second] = await Promise.all([startServeProcess(database.args, { ...database.env, ...KEY }), startServeProcess(database.args, { ...database.env, ...KEY })]);
  });
  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    await database?.cleanup();
  });

  it('a report ingested through one is read through the other; their aggregates agree', async () => {
    for (const file of ['001_e6ee48d9f5f3b505.txt', '004_bf4f29cfa6729ec5.txt']) {
      const stored = await first.graphql<{ ingestReport: { outcome: string } }>(INGEST, { text: sampleText(file) }, AUTH);
      expect(stored.data!.ingestReport.outcome).toBe('STORED');
    }
    const read = await second.graphql<{ report: { figures: { completionRate: number } } }>('{ report(agencyName: "经济技术开发区管理办公室", year: 2023) { figures { completionRate } } }');
    expect(read.data!.report.figures.completionRate).toBe(1);
    const [a, b] = await Promise.all([first.graphql(AGGREGATE), second.graphql(AGGREGATE)]);
    expect(a.errors).toBeUndefined();
    expect(b).toEqual(a);
  });

  it('a cursor given by one pages on through the other: both sign with the secret stored in the database', async () => {
    type Page = { reports: { edges: { node: { id: string } }[]; pageInfo: { endCursor: string } } };
    const query = 'query($after: String) { reports(first: 1, after: $after) { edges { node { id } } pageInfo { endCursor } } }';
    const [one, all] = await Promise.all([first.graphql<Page>(query), first.graphql<Page>('{ reports(first: 2) { edges { node { id } } pageInfo { endCursor } } }')]);
    const next = await second.graphql<Page>(query, { after: one.data!.reports.pageInfo.endCursor });
    expect(next.errors).toBeUndefined();
    expect(next.data!.reports.edges[0]!.node.id).toBe(all.data!.reports.edges[1]!.node.id);
  });

  it('concurrent ingests of the same report through both leave one copy', async () => {
    const text = sampleText('003_df08a9a1df66fae3.txt');
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? first : second).graphql<{ ingestReport: { outcome: string; report: { id: string } } }>(INGEST, { text, agency: '并发测试局' }, AUTH)));
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const outcomes = results.map((r) => r.data!.ingestReport.outcome).sort();
    expect(outcomes).toEqual(['STORED', ...Array(7).fill('UNCHANGED')]);
    expect(new Set(results.map((r) => r.data!.ingestReport.report.id)).size).toBe(1);
    const dataSource = await database.open();
    try {
      expect(await dataSource.getRepository(Report).count({ where: { agency: { name: '并发测试局' } } })).toBe(1);
    } finally {
      await dataSource.destroy();
    }
  });
});

describe.skipIf(!POSTGRES_URL)('read replicas (PostgreSQL): reads go to DATABASE_REPLICA_URLS, writes to DATABASE_URL', () => {
  it('a gateway whose replica is another database reads from it and writes to the primary', async () => {
    const [primary, replica] = await Promise.all([cliDatabase(), cliDatabase()]);
    // Migrate the stand-in replica; a real one follows the primary by streaming replication.
    await (await replica.open()).destroy();
    const gateway = await startServeProcess([], { DATABASE_URL: primary.env.DATABASE_URL, DATABASE_REPLICA_URLS: replica.env.DATABASE_URL, ...KEY });
    try {
      const stored = await gateway.graphql<{ ingestReport: { outcome: string; report: { id: string } } }>(INGEST, { text: sampleText('004_bf4f29cfa6729ec5.txt') }, AUTH);
      expect(stored.errors).toBeUndefined();
      expect(stored.data!.ingestReport.outcome).toBe('STORED');
      expect((await gateway.graphql<{ reports: { totalCount: number } }>('{ reports { totalCount } }')).data!.reports.totalCount).toBe(0);
      const written = await primary.open();
      expect(await written.getRepository(Report).count()).toBe(1);
      await written.destroy();
    } finally {
      await gateway.stop();
      await Promise.all([primary.cleanup(), replica.cleanup()]);
    }
  });
});

if (!POSTGRES_URL) {
  describe('read replicas', () => {
    it.skip(POSTGRES_SKIP_MESSAGE, () => undefined);
  });
}
