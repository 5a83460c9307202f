import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agency } from '../../src/entities/agency.entity';
import { Report } from '../../src/entities/report.entity';
import type { CellRecord } from '../../src/services/cell-export.service';
import { bruteForce, type ReportKeyParts } from '../helpers/brute-force';
import { exportAll, loadCorpus, writeCorpus, type Corpus } from '../helpers/corpus';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { DATABASE_KINDS } from '../helpers/test-databases';

const COMPLETION = { numerator: ['t3/resultsTotal/total'], denominator: ['t3/new/total', 't3/carriedOver/total'] };
const DISCLOSURE = { numerator: ['t3/granted/total', 't3/partiallyGranted/total'], denominator: ['t3/resultsTotal/total'] };

interface Group {
  key: { year: number | null; region: string | null; level: string | null; agency: { name: string } | null; parent: { name: string } | null };
  count: number;
  values: { measure: string; count: number; sum: number | null; mean: number | null; min: number | null; max: number | null; pooled: number | null; numerator: number | null; denominator: number | null; yearOverYear: { previous: number | null; current: number | null; absolute: number | null } | null }[];
}

const GROUP_FIELDS = 'key { year region level agency { name } parent { name } } count values { measure count sum mean min max pooled numerator denominator yearOverYear { previous current absolute } }';

describe.each(DATABASE_KINDS)('aggregate and rank on a generated corpus of 40 agencies × 2021–2023 (%s)', (kind) => {
  let corpus: Corpus;
  let gateway: TestGateway;
  let records: CellRecord[];
  const reportKeys = new Map<number, ReportKeyParts>();

  beforeAll(async () => {
    corpus = await writeCorpus({ seed: 40, agencies: 40, fromYear: 2021, toYear: 2023 });
    // Grouping every agency is priced for a full corpus (20,000 agencies), over the default cost limit; here it checks sums, not limits.
    gateway = await startTestGateway([], { kind, prepare: (dataSource) => loadCorpus(dataSource, corpus), settings: { limits: { maxCost: 10_000_000 } } });
    records = await exportAll(gateway.dataSource);
    const agencies = new Map((await gateway.dataSource.getRepository(Agency).find()).map((a) => [a.id, a]));
    for (const report of await gateway.dataSource.getRepository(Report).find()) {
      const agency = agencies.get(report.agencyId)!;
      reportKeys.set(report.id, { year: report.year, agency: agency.name, parent: agency.parentId ? agencies.get(agency.parentId)!.name : null, region: agency.region, level: agency.level });
    }
  });
  afterAll(async () => {
    await gateway?.stop();
    corpus?.cleanup();
  });

  const aggregate = async (groupBy: string, measures: string[], filter = '{}') => {
    const { body } = await gateway.graphql<{ aggregate: Group[] }>(`query($m: [Measure!]!) { aggregate(filter: ${filter}, groupBy: ${groupBy}, measures: $m) { ${GROUP_FIELDS} } }`, { m: measures });
    expect(body.errors).toBeUndefined();
    return body.data!.aggregate;
  };

  function expectMatches(groups: Group[], keyOfGroup: (g: Group) => string, keyOfReport: (r: ReportKeyParts) => string, index: number, measure: Parameters<typeof bruteForce>[3]) {
    // Reports keyed 'out' are the ones the query's filter leaves out.
    const expected = bruteForce(records, keyOfReport, reportKeys, measure);
    expected.delete('out');
    expect(groups.map(keyOfGroup).sort()).toEqual([...expected.keys()].sort());
    for (const group of groups) {
      const want = expected.get(keyOfGroup(group))!;
      const got = group.values[index]!;
      expect(group.count).toBe(want.count);
      expect(got.count).toBe(want.valued);
      for (const field of ['sum', 'mean', 'min', 'max', 'pooled', 'numerator', 'denominator'] as const) {
        if (want[field] === null) expect(got[field], `${keyOfGroup(group)} ${field}`).toBeNull();
        else expect(got[field], `${keyOfGroup(group)} ${field}`).toBeCloseTo(want[field]!, 9);
      }
    }
  }

  it('groupBy YEAR: t3/new/total sums and the pooled completion rate equal a brute-force count from the export', async () => {
    const groups = await aggregate('[YEAR]', ['t3/new/total', 'completionRate']);
    expect(groups.map((g) => g.key.year)).toEqual([2021, 2022, 2023]);
    expect(groups.every((g) => g.count === 40)).toBe(true);
    expectMatches(groups, (g) => String(g.key.year), (r) => String(r.year), 0, { cell: 't3/new/total' });
    expectMatches(groups, (g) => String(g.key.year), (r) => String(r.year), 1, COMPLETION);
    expect(groups[1]!.values[0]!.yearOverYear!.previous).toBe(groups[0]!.values[0]!.sum);
    expect(groups[1]!.values[1]!.yearOverYear!.current).toBeCloseTo(groups[1]!.values[1]!.pooled!, 12);
    expect(groups[0]!.values[0]!.yearOverYear!.previous).toBeNull();
  });

  it('groupBy REGION, LEVEL and PARENT together, and AGENCY, against brute force', async () => {
    const key = (g: Group) => `${g.key.region}|${g.key.level}|${g.key.parent?.name ?? null}`;
    expectMatches(await aggregate('[REGION, LEVEL, PARENT]', ['disclosureRate']), key, (r) => `${r.region}|${r.level}|${r.parent}`, 0, DISCLOSURE);
    expectMatches(await aggregate('[AGENCY]', ['t4/review/total']), (g) => g.key.agency!.name, (r) => r.agency, 0, { cell: 't4/review/total' });
  });

  it('filters by region and by agency subtree before grouping', async () => {
    const region = [...reportKeys.values()][0]!.region!.split('/')[0]!;
    const inRegion = (r: ReportKeyParts) => (r.region === region || r.region!.startsWith(`${region}/`) ? 'in' : 'out');
    const regional = await aggregate('[]', ['t3/new/total'], `{ region: "${region}" }`);
    expectMatches(regional, () => 'in', inRegion, 0, { cell: 't3/new/total' });

    const zone = (await gateway.dataSource.getRepository(Agency).find({ order: { id: 'ASC' } })).find((a) => a.parentId === null)!;
    const underZone = (r: ReportKeyParts) => (r.agency === zone.name || r.parent === zone.name ? 'in' : 'out');
    const subtree = await aggregate('[]', ['completionRate'], `{ agencySubtree: "${zone.id}" }`);
    expectMatches(subtree, () => 'in', underZone, 0, COMPLETION);
    expect(subtree[0]!.count).toBeGreaterThan(3);
  });

  it('rank: top and bottom agencies by pooled disclosure rate, honouring minSample', async () => {
    const expected = bruteForce(records, (r) => r.agency, reportKeys, DISCLOSURE);
    const eligible = [...expected.values()].filter((g) => g.pooled !== null && g.denominator! >= 20);
    const { body } = await gateway.graphql<{ top: { rank: number; key: { agency: { name: string } }; value: { pooled: number; denominator: number } }[]; bottom: { value: { pooled: number } }[] }>(
      '{ top: rank(measure: "disclosureRate", groupBy: [AGENCY], order: DESC, limit: 5, minSample: 20) { rank key { agency { name } } value { pooled denominator } } bottom: rank(measure: "disclosureRate", order: ASC, limit: 3, minSample: 20) { value { pooled } } }',
    );
    expect(body.errors).toBeUndefined();
    const top = body.data!.top;
    expect(top.map((t) => t.rank)).toEqual([1, 2, 3, 4, 5].slice(0, Math.min(5, eligible.length)));
    expect(top.every((t) => t.value.denominator >= 20)).toBe(true);
    const sortedDesc = eligible.map((g) => g.pooled!).sort((a, b) => b - a);
    expect(top.map((t) => t.value.pooled)).toEqual(sortedDesc.slice(0, top.length).map((v) => expect.closeTo(v, 12)));
    expect(body.data!.bottom.map((b) => b.value.pooled)).toEqual([...sortedDesc].reverse().slice(0, 3).map((v) => expect.closeTo(v, 12)));
  });

  it('reportCompleteness by year, from the count kept on ingest, equals the figure of each report', async () => {
    const groups = await aggregate('[YEAR]', ['reportCompleteness']);
    expect(groups).toHaveLength(3);
    for (const group of groups) {
      const { body } = await gateway.graphql<{ reports: { edges: { node: { figure: { numerator: number; denominator: number; value: number } } }[] } }>(
        `{ reports(first: 100, filter: { years: [${group.key.year}] }) { edges { node { figure(name: REPORT_COMPLETENESS) { numerator denominator value } } } } }`,
      );
      const figures = body.data!.reports.edges.map((e) => e.node.figure);
      expect(figures).toHaveLength(group.count);
      const got = group.values[0]!;
      expect(got.numerator).toBe(figures.reduce((sum, f) => sum + f.numerator, 0));
      expect(got.denominator).toBe(figures.reduce((sum, f) => sum + f.denominator, 0));
      expect(got.mean).toBeCloseTo(figures.reduce((sum, f) => sum + f.value, 0) / figures.length, 12);
      expect(got.min).toBeCloseTo(Math.min(...figures.map((f) => f.value)), 12);
    }
  });

  it('refuses an unknown measure by name, with the nearest keys: a literal at validation, a variable as BAD_USER_INPUT', async () => {
    const message = '"t3/new/all" is not a figure name (completionRate) or a template cell address (t3/new/total); nearest: t3/new/total, t3/new/research, otherRate';
    const literal = await gateway.graphql('{ aggregate(measures: ["t3/new/all"]) { count } }');
    expect(literal.body.errors![0]).toMatchObject({ message: `Measure: ${message}`, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    const variable = await gateway.graphql('query($m: [Measure!]!) { aggregate(measures: $m) { count } }', { m: ['t3/new/all'] });
    expect(variable.body.errors![0]).toMatchObject({ message: expect.stringContaining(message), extensions: { code: 'BAD_USER_INPUT' } });
  });
});
