import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS } from '../helpers/fixtures';
import { startTestGateway, VARIANT_2022, type ReportSource, type TestGateway } from '../helpers/gateway';
import { BENCHMARK_FIELDS, type BenchmarkAnswer } from '../helpers/benchmark-answer';


describe('the worked example of docs/benchmarks.md, by hand', () => {
  let gateway: TestGateway;
  const VALUES = [12, 30, 7, 30, 0, 18, null];

  beforeAll(async () => {
    // Seven county reports of 2021 and, for the first agency, a 2022 report with a value far above them all.
    const sources: ReportSource[] = VALUES.map((_value, i) => ({ file: join(SEEDS, '001_e6ee48d9f5f3b505.txt'), agencyName: `示例县${i}人民政府` }));
    sources.push({ file: VARIANT_2022, agencyName: '示例县0人民政府' });
    gateway = await startTestGateway(sources);
    const { dataSource } = gateway;
    await dataSource.query(`UPDATE agency SET level = 'COUNTY'`);
    const reports: { id: number; year: number }[] = await dataSource.query('SELECT id, year FROM report ORDER BY id');
    const cell = `table_code = 't3' AND row_code = 'new' AND column_code = 'total'`;
    for (const [i, value] of VALUES.entries()) {
      const status = value === null ? 'BLANK' : value === 0 ? 'ZERO' : 'NUMBER';
      await dataSource.query(`UPDATE table_cell SET value = ${value ?? 'NULL'}, status = '${status}' WHERE report_id = ${reports[i]!.id} AND ${cell}`);
    }
    expect(reports.map((r) => r.year)).toEqual([2021, 2021, 2021, 2021, 2021, 2021, 2021, 2022]);
    await dataSource.query(`UPDATE table_cell SET value = 100 WHERE report_id = ${reports[7]!.id} AND ${cell}`);
  });
  afterAll(() => gateway?.stop());

  it('ranks 1, 1 and 3, percentile ranks 0.8 and 0.6, quartiles 8.25, 15 and 27; the BLANK report says so', async () => {
    const { body } = await gateway.graphql<{ reports: { edges: { node: { benchmark: BenchmarkAnswer } }[] } }>(
      `{ reports(first: 10, filter: { years: [2021] }) { edges { node { benchmark(measure: "t3/new/total", peers: { sameLevel: true }) { ${BENCHMARK_FIELDS} } } } } }`,
    );
    expect(body.errors).toBeUndefined();
    const got = body.data!.reports.edges.map((e) => e.node.benchmark);
    expect(got.map((b) => b.value)).toEqual(VALUES);
    expect(got.map((b) => b.rank)).toEqual([4, 1, 5, 1, 6, 3, null]);
    expect(got.map((b) => b.percentileRank)).toEqual([0.4, 0.8, 0.2, 0.8, 0, 0.6, null]);
    expect(got.every((b) => b.peerCount === 6 && b.peers === 'reports of the same year and the same level')).toBe(true);
    for (const benchmark of got.slice(0, 6)) expect([benchmark.p25, benchmark.median, benchmark.p75, benchmark.reason]).toEqual([8.25, 15, 27, null]);
    expect(got[6]).toMatchObject({ p25: null, median: null, p75: null, reason: 't3/new/total is BLANK' });
  });
});
