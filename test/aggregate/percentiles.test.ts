import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agency } from '../../src/entities/agency.entity';
import { Report } from '../../src/entities/report.entity';
import { aggregate as aggregateService } from '../../src/services/aggregate.service';
import type { CellRecord } from '../../src/services/cell-export.service';
import { bruteForce, percentileInc, type ReportKeyParts } from '../helpers/brute-force';
import { exportAll, loadCorpus, writeCorpus, type Corpus } from '../helpers/corpus';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { DATABASE_KINDS } from '../helpers/test-databases';

describe('percentileInc, the brute force the SQL is held to', () => {
  it('gives the values of PERCENTILE.INC worked out by hand', () => {
    // h = p·(n−1); x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋) over the sorted values.
    expect(percentileInc([1, 2, 3, 4], 0.25)).toBe(1.75); // h = 0.75: 1 + 0.75·1
    expect(percentileInc([4, 1, 3, 2], 0.5)).toBe(2.5); // unsorted; h = 1.5
    expect(percentileInc([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 12); // h = 2.7
    expect(percentileInc([1, 2, 3, 4], 0)).toBe(1);
    expect(percentileInc([1, 2, 3, 4], 1)).toBe(4);
    expect(percentileInc([15, 20, 35, 40, 50], 0.4)).toBe(29); // h = 1.6: 20 + 0.6·15
    expect(percentileInc([7], 0)).toBe(7);
    expect(percentileInc([7], 0.37)).toBe(7);
    expect(percentileInc([7], 1)).toBe(7);
    expect(percentileInc([10, 20], 0.25)).toBe(12.5); // h = 0.25
    expect(percentileInc([20, 10], 0.9)).toBe(19); // h = 0.9
    expect(percentileInc([5, 5, 5, 9], 0.5)).toBe(5); // ties: h = 1.5 between two 5s
    expect(percentileInc([5, 5, 5, 9], 0.75)).toBe(6); // h = 2.25: 5 + 0.25·4
    expect(percentileInc([], 0.5)).toBeNull();
  });
});

const TO_HANDLE = { numerator: ['t3/new/total', 't3/carriedOver/total'] };
const COMPLETION = { numerator: ['t3/resultsTotal/total'], denominator: ['t3/new/total', 't3/carriedOver/total'] };
const MEASURES = [
  { name: 't3/new/total', brute: { cell: 't3/new/total' } },
  { name: 'applicationsToHandle', brute: TO_HANDLE },
  { name: 'completionRate', brute: COMPLETION },
] as const;

/** Every percentile field, two of them through a fragment, one fraction through a variable. */
const PERCENTILE_FIELDS = '...quartiles median p90: percentile(p: 0.9) p0: percentile(p: 0) p1: percentile(p: $one) again: percentile(p: 0.25)';
const QUARTILES = 'fragment quartiles on MeasureAggregate { p25 ... on MeasureAggregate { p75 } }';
const FRACTIONS = { p25: 0.25, median: 0.5, p75: 0.75, p90: 0.9, p0: 0, p1: 1, again: 0.25 } as const;

type Percentiles = Record<keyof typeof FRACTIONS, number | null>;
interface Group {
  key: { year: number | null; level: string | null; agency: { name: string } | null };
  count: number;
  values: ({ measure: string; count: number } & Percentiles)[];
}

describe.each(DATABASE_KINDS)('percentiles of aggregate and rank on a generated corpus of 30 agencies × 2021–2023 (%s)', (kind) => {
  let corpus: Corpus;
  let gateway: TestGateway;
  let records: CellRecord[];
  const reportKeys = new Map<number, ReportKeyParts>();

  beforeAll(async () => {
    corpus = await writeCorpus({ seed: 7, agencies: 30, fromYear: 2021, toYear: 2023 });
    gateway = await startTestGateway([], { kind, prepare: (dataSource) => loadCorpus(dataSource, corpus), settings: { limits: { maxCost: 10_000_000 } } });
    records = await exportAll(gateway.dataSource);
    const agencies = new Map((await gateway.dataSource.getRepository(Agency).find()).map((a) => [a.id, a]));
    for (const report of await gateway.dataSource.getRepository(Report).find()) {
      const agency = agencies.get(report.agencyId)!;
      reportKeys.set(report.id, { year: report.year, agency: agency.name, parent: null, region: agency.region, level: agency.level });
    }
  });
  afterAll(async () => {
    await gateway?.stop();
    corpus?.cleanup();
  });

  const aggregate = async (groupBy: string, filter = '{}') => {
    const query = `query($m: [Measure!]!, $one: Float!) { aggregate(filter: ${filter}, groupBy: ${groupBy}, measures: $m) { key { year level agency { name } } count values { measure count ${PERCENTILE_FIELDS} } } } ${QUARTILES}`;
    const { body } = await gateway.graphql<{ aggregate: Group[] }>(query, { m: MEASURES.map((m) => m.name), one: 1 });
    expect(body.errors).toBeUndefined();
    return body.data!.aggregate;
  };

  function expectPercentiles(groups: Group[], keyOfGroup: (g: Group) => string, keyOfReport: (r: ReportKeyParts) => string) {
    expect(groups.length).toBeGreaterThan(0);
    MEASURES.forEach((measure, index) => {
      const expected = bruteForce(records, keyOfReport, reportKeys, measure.brute);
      expected.delete('out');
      expect(groups.map(keyOfGroup).sort()).toEqual([...expected.keys()].sort());
      for (const group of groups) {
        const want = expected.get(keyOfGroup(group))!;
        const got = group.values[index]!;
        expect(got.count, `${measure.name} ${keyOfGroup(group)} count`).toBe(want.values.length);
        for (const [field, p] of Object.entries(FRACTIONS) as [keyof typeof FRACTIONS, number][]) {
          const value = percentileInc(want.values, p);
          const where = `${measure.name} ${keyOfGroup(group)} ${field}`;
          if (value === null) expect(got[field], where).toBeNull();
          else expect(got[field], where).toBeCloseTo(value, 9);
        }
      }
    });
  }

  it('by YEAR, by LEVEL and ungrouped: p25, median, p75 and percentile(0.9, 0, 1) of a cell, a count figure and a rate equal PERCENTILE.INC over the reports', async () => {
    const byYear = await aggregate('[YEAR]');
    expect(byYear.map((g) => g.key.year)).toEqual([2021, 2022, 2023]);
    expectPercentiles(byYear, (g) => String(g.key.year), (r) => String(r.year));
    expectPercentiles(await aggregate('[LEVEL]'), (g) => String(g.key.level), (r) => String(r.level));
    const all = await aggregate('[]');
    expect(all).toHaveLength(1);
    expectPercentiles(all, () => 'all', () => 'all');
    // The corpus is worth checking against: values spread, and the interpolation matters (a rate's median is no report's own rate here).
    const rate = bruteForce(records, () => 'all', reportKeys, COMPLETION).get('all')!;
    expect(rate.values.length).toBeGreaterThan(30);
    expect(all[0]!.values[2]!.median).not.toBe(all[0]!.values[2]!.p25);
  });

  it('a rate\'s percentiles are of the reports\' own rates, not pooled', async () => {
    const [all] = await aggregate('[]');
    const rate = bruteForce(records, () => 'all', reportKeys, COMPLETION).get('all')!;
    expect(all!.values[2]!.median).toBeCloseTo(percentileInc(rate.values, 0.5)!, 12);
    expect(all!.values[2]!.median).not.toBeCloseTo(rate.pooled!, 6);
  });

  it('a group where no report has a value gives null percentiles', async () => {
    // A report without a completion rate (an input lost to damage, or nothing to handle): grouped by agency and year, its group has no value.
    const perReport = bruteForce(records, (r) => `${r.agency}|${r.year}`, reportKeys, COMPLETION);
    const lacking = [...perReport.values()].find((g) => g.values.length === 0);
    expect(lacking, 'the corpus has a report without a completion rate').toBeDefined();
    const [agency, year] = lacking!.key.split('|');
    const groups = await aggregate('[AGENCY, YEAR]', `{ years: [${year}] }`);
    const group = groups.find((g) => g.key.agency!.name === agency)!;
    expect(group.count).toBe(1);
    expect(group.values[2]).toMatchObject({ count: 0, p25: null, median: null, p75: null, p90: null, p0: null, p1: null, again: null });
    // Groups of one report: every percentile is its value.
    expectPercentiles(groups, (g) => `${g.key.agency!.name}|${g.key.year}`, (r) => (String(r.year) === year ? `${r.agency}|${r.year}` : 'out'));
    expect(group.values[0]!.median).not.toBeNull();
    // No report at all: the one ungrouped group is empty.
    const [empty] = await aggregate('[]', '{ years: [2008] }');
    expect(empty!.count).toBe(0);
    expect(empty!.values[2]).toMatchObject({ count: 0, median: null, p1: null });
  });

  it('rank results carry the percentiles of their groups', async () => {
    const { body } = await gateway.graphql<{ rank: { rank: number; key: { level: string }; value: Percentiles }[] }>(
      `query($one: Float!) { rank(measure: "completionRate", groupBy: [LEVEL], limit: 10) { rank key { level } value { ${PERCENTILE_FIELDS} } } } ${QUARTILES}`,
      { one: 1 },
    );
    expect(body.errors).toBeUndefined();
    // Groups without a pooled rate are not ranked.
    const expected = new Map([...bruteForce(records, (r) => String(r.level), reportKeys, COMPLETION)].filter(([, g]) => g.pooled !== null));
    expect(body.data!.rank.length).toBe(expected.size);
    expect(expected.size).toBeGreaterThan(1);
    for (const ranked of body.data!.rank) {
      const values = expected.get(ranked.key.level)!.values;
      for (const [field, p] of Object.entries(FRACTIONS) as [keyof typeof FRACTIONS, number][]) expect(ranked.value[field], `${ranked.key.level} ${field}`).toBeCloseTo(percentileInc(values, p)!, 9);
    }
  });

  it('an aggregate with percentiles is one SQL statement', async () => {
    gateway.counter.count = 0;
    await aggregate('[YEAR]');
    expect(gateway.counter.count).toBe(1);
  });

  it('refuses p outside [0, 1] over HTTP as BAD_USER_INPUT naming the argument and the range, literal or variable', async () => {
    for (const [query, variables] of [
      ['{ aggregate(measures: ["t3/new/total"]) { values { percentile(p: 1.5) } } }', {}],
      ['query($p: Float!) { rank(measure: "completionRate", groupBy: [YEAR]) { value { percentile(p: $p) } } }', { p: -0.1 }],
    ] as const) {
      const { body } = await gateway.graphql(query, variables);
      expect(body.data ?? null).toBeNull();
      expect(body.errors).toHaveLength(1);
      expect(body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
      expect(body.errors![0]!.message).toMatch(/^percentile\(p\): from 0 to 1, got (1\.5|-0\.1)$/);
    }
  });

  it('the service itself refuses NaN and fractions outside [0, 1], which GraphQL cannot send or the argument check stops first', async () => {
    for (const p of [Number.NaN, 1.0000001, -1e-9, Number.POSITIVE_INFINITY]) {
      const call = aggregateService(gateway.dataSource.manager, { groupBy: [], measures: ['t3/new/total'], basis: 'TOTAL', percentiles: [0.5, p] });
      await expect(call).rejects.toMatchObject({ message: `percentile(p): p must be from 0 to 1, got ${p}`, extensions: { code: 'BAD_USER_INPUT', field: 'p' } });
    }
  });

  it('refuses more than 10 distinct fractions in one request, counting p25, median and p75', async () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => `f${i}: percentile(p: ${(i + 1) / 100})`).join(' ');
    const ok = await gateway.graphql(`{ aggregate(measures: ["t3/new/total"]) { values { p25 median p75 ${many(7)} } } }`);
    expect(ok.body.errors).toBeUndefined();
    const { body } = await gateway.graphql(`{ aggregate(measures: ["t3/new/total"]) { values { p25 median ${many(9)} } } }`);
    expect(body.errors![0]).toMatchObject({ message: 'percentile: at most 10 distinct fractions a request (p25, median and p75 count), got 11', extensions: { code: 'BAD_USER_INPUT' } });
  });
});
