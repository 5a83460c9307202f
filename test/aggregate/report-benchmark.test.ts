import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agency } from '../../src/entities/agency.entity';
import { Report } from '../../src/entities/report.entity';
import type { CellRecord } from '../../src/services/cell-export.service';
import { percentileInc } from '../helpers/brute-force';
import { exportAll, loadCorpus, writeCorpus, type Corpus } from '../helpers/corpus';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { DATABASE_KINDS } from '../helpers/test-databases';
import { BENCHMARK_FIELDS, type BenchmarkAnswer } from '../helpers/benchmark-answer';

/** The minimum a peer statistic needs, as docs/benchmarks.md states it. */
const MINIMUM = 5;
const NEW = 't3/new/total';
/** completionRate = t3/resultsTotal/total ÷ (t3/new/total + t3/carriedOver/total), per report. */
const COMPLETION = { numerator: ['t3/resultsTotal/total'], denominator: ['t3/new/total', 't3/carriedOver/total'] };


interface ReportFacts {
  id: number;
  year: number;
  level: string | null;
  parentId: number | null;
  /** The measures' values computed here from the exported cells. */
  values: Map<string, number | null>;
}

describe.each(DATABASE_KINDS)('Report.benchmark on a generated corpus of 40 agencies × 2021–2023 (%s)', (kind) => {
  let corpus: Corpus;
  let gateway: TestGateway;
  const reports: ReportFacts[] = [];
  /** A report whose t3/new/total is made BLANK, and an agency whose level is removed. */
  let blanked: number;
  let levelless: number;

  beforeAll(async () => {
    corpus = await writeCorpus({ seed: 41, agencies: 40, fromYear: 2021, toYear: 2023 });
    gateway = await startTestGateway([], { kind, prepare: (dataSource) => loadCorpus(dataSource, corpus) });
    const { dataSource } = gateway;
    const agencies = await dataSource.getRepository(Agency).find({ order: { id: 'ASC' } });
    const stored = await dataSource.getRepository(Report).find({ order: { id: 'ASC' } });
    const department = agencies.find((a) => a.level === 'DEPARTMENT' && stored.some((r) => r.agencyId === a.id && r.id <= 100))!;
    levelless = department.id;
    await dataSource.query(`UPDATE agency SET level = NULL WHERE id = ${levelless}`);
    blanked = stored.find((r) => r.agencyId !== levelless && agencies.find((a) => a.id === r.agencyId)!.parentId !== null)!.id;
    await dataSource.query(`UPDATE table_cell SET status = 'BLANK', value = NULL WHERE report_id = ${blanked} AND table_code = 't3' AND row_code = 'new' AND column_code = 'total'`);

    const byReport = new Map<number, Map<string, CellRecord>>();
    for (const record of await exportAll(dataSource)) {
      if (!byReport.has(record.reportId)) byReport.set(record.reportId, new Map());
      byReport.get(record.reportId)!.set(record.address, record);
    }
    const levels = new Map((await dataSource.getRepository(Agency).find()).map((a) => [a.id, a]));
    for (const report of stored) {
      const cells = byReport.get(report.id) ?? new Map<string, CellRecord>();
      const number = (address: string) => {
        const cell = cells.get(address);
        return cell && (cell.status === 'NUMBER' || cell.status === 'ZERO') ? cell.value : null;
      };
      const inputs = [...COMPLETION.numerator, ...COMPLETION.denominator].map(number);
      const numerator = inputs[0]!;
      const denominator = inputs[1]! + inputs[2]!;
      const completion = inputs.some((v) => v === null) || denominator === 0 ? null : numerator! / denominator;
      const agency = levels.get(report.agencyId)!;
      reports.push({ id: report.id, year: report.year, level: agency.level, parentId: agency.parentId, values: new Map([[NEW, number(NEW)], ['completionRate', completion]]) });
    }
  });
  afterAll(async () => {
    await gateway?.stop();
    corpus?.cleanup();
  });

  const page = async (measure: string, peers: string): Promise<Map<number, BenchmarkAnswer>> => {
    const { body } = await gateway.graphql<{ reports: { edges: { node: { id: string; benchmark: BenchmarkAnswer } }[] } }>(
      `query($m: Measure!) { reports(first: 100) { edges { node { id benchmark(measure: $m, peers: ${peers}) { ${BENCHMARK_FIELDS} } } } } }`,
      { m: measure },
    );
    expect(body.errors).toBeUndefined();
    return new Map(body.data!.reports.edges.map((e) => [Number(e.node.id), e.node.benchmark]));
  };

  /** Every field, computed report by report in plain TS; `traits` says which reports are peers (null: the agency lacks a trait). */
  function expectBruteForce(got: Map<number, BenchmarkAnswer>, measure: string, description: string, traits: (r: ReportFacts) => string | null): { ranked: number; tied: number; small: number } {
    expect(got.size).toBe(100);
    let ranked = 0;
    let tied = 0;
    let small = 0;
    for (const [id, benchmark] of got) {
      const report = reports.find((r) => r.id === id)!;
      const value = report.values.get(measure)!;
      const key = traits(report);
      const peers = key === null ? [] : reports.filter((r) => traits(r) === key).map((r) => r.values.get(measure)!).filter((v): v is number => v !== null);
      const where = `report ${id} ${measure} ${description}`;
      expect(benchmark.measure).toBe(measure);
      expect(benchmark.peers, where).toBe(description);
      if (value === null) expect(benchmark.value, where).toBeNull();
      else expect(benchmark.value, where).toBeCloseTo(value, 9);
      const statistics = [benchmark.rank, benchmark.percentileRank, benchmark.p25, benchmark.median, benchmark.p75];
      if (key === null) {
        expect(benchmark.peerCount, where).toBeNull();
        expect(benchmark.reason, where).toMatch(/^the agency has no /);
      } else {
        expect(benchmark.peerCount, where).toBe(peers.length);
      }
      if (key === null || value === null || peers.length < MINIMUM) {
        expect(statistics, where).toEqual([null, null, null, null, null]);
        expect(benchmark.reason, where).toEqual(expect.any(String));
        if (key !== null && value !== null) {
          small += 1;
          expect(benchmark.reason, where).toBe(`the peer group (${description}) has ${peers.length} report${peers.length === 1 ? '' : 's'} with a value for ${measure}, fewer than the ${MINIMUM} a benchmark needs`);
        }
        continue;
      }
      ranked += 1;
      const rank = 1 + peers.filter((v) => v > value).length;
      if (peers.filter((v) => v === value).length > 1) tied += 1;
      expect(benchmark.reason, where).toBeNull();
      expect(benchmark.rank, where).toBe(rank);
      expect(benchmark.percentileRank!, where).toBeCloseTo(peers.filter((v) => v < value).length / (peers.length - 1), 9);
      expect(benchmark.p25!, where).toBeCloseTo(percentileInc(peers, 0.25)!, 9);
      expect(benchmark.median!, where).toBeCloseTo(percentileInc(peers, 0.5)!, 9);
      expect(benchmark.p75!, where).toBeCloseTo(percentileInc(peers, 0.75)!, 9);
    }
    return { ranked, tied, small };
  }

  it('percentileInc, the brute force, gives what PERCENTILE.INC gives, worked by hand', () => {
    // 1 2 3 4: the 25th percentile sits at position 0.75 between 1 and 2.
    expect([percentileInc([4, 1, 3, 2], 0.25), percentileInc([4, 1, 3, 2], 0.5), percentileInc([4, 1, 3, 2], 0.75)]).toEqual([1.75, 2.5, 3.25]);
    expect(percentileInc([7], 0.25)).toBe(7);
    expect(percentileInc([], 0.5)).toBeNull();
  });

  it('the same year (the default): a count cell and a rate, every field against brute force, ties sharing a rank', async () => {
    const byYear = (r: ReportFacts) => String(r.year);
    const counts = expectBruteForce(await page(NEW, '{}'), NEW, 'reports of the same year', byYear);
    const rates = expectBruteForce(await page('completionRate', '{ sameYear: true }'), 'completionRate', 'reports of the same year', byYear);
    expect(counts.ranked).toBeGreaterThan(80);
    expect(rates.ranked).toBeGreaterThan(50);
    expect(counts.tied + rates.tied).toBeGreaterThan(0);
  });

  it('the same year and level: the agency without a level has a reason; groups of each level are their own', async () => {
    const byYearLevel = (r: ReportFacts) => (r.level === null ? null : `${r.year}|${r.level}`);
    const counts = expectBruteForce(await page(NEW, '{ sameLevel: true }'), NEW, 'reports of the same year and the same level', byYearLevel);
    expect(counts.ranked).toBeGreaterThan(40);
    expectBruteForce(await page('completionRate', '{ sameLevel: true }'), 'completionRate', 'reports of the same year and the same level', byYearLevel);
    const levelless = (await page(NEW, '{ sameLevel: true }')).get(reports.find((r) => r.level === null)!.id)!;
    expect(levelless.reason).toBe('the agency has no level, which the peer group (reports of the same year and the same level) needs');
  });

  it('the same parent over every year: agencies without a parent have a reason, small families fall under the minimum', async () => {
    const byParent = (r: ReportFacts) => (r.parentId === null ? null : String(r.parentId));
    const got = await page(NEW, '{ sameYear: false, sameParent: true }');
    const counts = expectBruteForce(got, NEW, 'reports of the same parent agency', byParent);
    expect(counts.ranked).toBeGreaterThan(20);
    expectBruteForce(await page('completionRate', '{ sameYear: false, sameParent: true }'), 'completionRate', 'reports of the same parent agency', byParent);
    const governing = reports.find((r) => r.parentId === null)!;
    expect(got.get(governing.id)!.reason).toBe('the agency has no parent agency, which the peer group (reports of the same parent agency) needs');
    // The same parent and the same year: a family is at most a handful of departments a year.
    const families = expectBruteForce(await page(NEW, '{ sameParent: true }'), NEW, 'reports of the same year and the same parent agency', (r) => (r.parentId === null ? null : `${r.year}|${r.parentId}`));
    expect(families.small).toBeGreaterThan(0);
    expect(families.ranked).toBeGreaterThan(0);
  });

  it('basis DECIDED reaches the rate: each value is the report’s own figure on that basis, and ranks follow from those figures', async () => {
    type Node = { decided: BenchmarkAnswer; total: BenchmarkAnswer; figure: { value: number | null } };
    const { body } = await gateway.graphql<{ reports: { edges: { node: Node }[] } }>(
      `{ reports(first: 100, filter: { years: [2023] }) { edges { node {
        decided: benchmark(measure: "reviewCorrectionRate", basis: DECIDED) { ${BENCHMARK_FIELDS} }
        total: benchmark(measure: "reviewCorrectionRate") { value }
        figure(name: REVIEW_CORRECTION_RATE, basis: DECIDED) { value }
      } } } }`,
    );
    expect(body.errors).toBeUndefined();
    const nodes = body.data!.reports.edges.map((e) => e.node);
    expect(nodes).toHaveLength(reports.filter((r) => r.year === 2023).length);
    const peers = nodes.map((n) => n.figure.value).filter((v): v is number => v !== null);
    expect(peers.length).toBeGreaterThanOrEqual(MINIMUM);
    for (const { decided, figure } of nodes) {
      expect(decided.value).toBe(figure.value);
      if (figure.value === null) continue;
      expect([decided.peerCount, decided.rank]).toEqual([peers.length, 1 + peers.filter((v) => v > figure.value!).length]);
      expect(decided.median!).toBeCloseTo(percentileInc(peers, 0.5)!, 9);
    }
    expect(nodes.some((n) => n.total.value !== n.decided.value)).toBe(true);
  });

  it('a report without the value: null with the measure’s own reason, for the cell and for the rate', async () => {
    expect(reports.find((r) => r.id === blanked)!.values.get(NEW)).toBeNull();
    const cell = (await page(NEW, '{}')).get(blanked)!;
    expect(cell).toMatchObject({ value: null, rank: null, percentileRank: null, median: null, reason: 't3/new/total is BLANK' });
    expect(cell.peerCount).toBe(reports.filter((r) => r.year === reports.find((b) => b.id === blanked)!.year && r.values.get(NEW) !== null).length);
    const rate = (await page('completionRate', '{}')).get(blanked)!;
    expect(rate).toMatchObject({ value: null, rank: null, reason: 'input missing: t3/new/total is BLANK' });
  });

  it('an unknown measure is refused over HTTP when the query is validated, naming the nearest keys', async () => {
    const { body } = await gateway.graphql('{ reports(first: 2) { edges { node { benchmark(measure: "t3/new/all") { value } } } } }');
    expect(body.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors![0]!.message).toContain('"t3/new/all"');
    expect(body.errors![0]!.message).toContain('t3/new/total');
  });

  it('statements: a page of 100 asking one measure and peer group costs at most 3 more than the page; two measures twice that', async () => {
    const statements = async (fields: string) => {
      gateway.counter.count = 0;
      const { body } = await gateway.graphql<{ reports: { edges: unknown[] } }>(`{ reports(first: 100) { edges { node { id ${fields} } } } }`);
      expect(body.errors).toBeUndefined();
      expect(body.data!.reports.edges).toHaveLength(100);
      return gateway.counter.count;
    };
    const plain = await statements('');
    const one = (await statements(`benchmark(measure: "${NEW}", peers: { sameLevel: true }) { rank p25 reason }`)) - plain;
    const two = (await statements(`a: benchmark(measure: "${NEW}", peers: { sameLevel: true }) { rank p25 reason } b: benchmark(measure: "completionRate", peers: { sameLevel: true }) { rank p25 reason }`)) - plain;
    expect(one).toBeGreaterThanOrEqual(1);
    expect(one).toBeLessThanOrEqual(3);
    expect(two).toBeLessThanOrEqual(2 * one);
  });
});
