import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, twoYearAgencies, type TestGateway } from '../helpers/gateway';
import { SEEDS } from '../helpers/fixtures';
import { join } from 'node:path';
import { loadCorpus, writeCorpus } from '../helpers/corpus';

const NESTED = `query($first: Int) {
  reports(first: $first) {
    totalCount
    edges { node {
      id year agency { name }
      sections { code text children { code text } }
      tables { code rows { code cells { address value status } } }
      cells { address value }
      figures { completionRate disclosureRate }
      figure(name: DISCLOSURE_RATE) { value reason }
      checks { id status }
      previous { id }
      yearOverYear(measure: "t3/new/total") { absolute }
    } }
  }
}`;

describe('no N+1: SQL statements per request do not grow with the page size', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    // 55 agencies with a 2021 and a 2022 report each: 110 reports, half of them with a previous year.
    gateway = await startTestGateway(twoYearAgencies(55));
  });
  afterAll(() => gateway.stop());

  async function statementsFor(first: number): Promise<number> {
    gateway.counter.count = 0;
    const { body } = await gateway.graphql<{ reports: { edges: unknown[] } }>(NESTED, { first });
    expect(body.errors).toBeUndefined();
    expect(body.data!.reports.edges).toHaveLength(first);
    return gateway.counter.count;
  }

  it('reports(first: 10) and reports(first: 100) with sections, tables, cells, figures and checks', async () => {
    const ten = await statementsFor(10);
    const hundred = await statementsFor(100);
    expect(hundred).toBe(ten);
    expect(ten).toBeLessThanOrEqual(8);
  });
});

describe('a report by id, asked for with its agency and cells, is one statement', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway([{ file: join(SEEDS, '001_e6ee48d9f5f3b505.txt'), agencyName: '测试机关' }]);
  });
  afterAll(() => gateway.stop());

  type Answer = { report: { agency: { name: string }; cells?: { address: string; value: number | null }[]; cell?: { value: number } } };
  async function ask(query: string): Promise<{ statements: number; report: Answer['report'] }> {
    gateway.counter.count = 0;
    const { body } = await gateway.graphql<Answer>(query);
    expect(body.errors).toBeUndefined();
    return { statements: gateway.counter.count, report: body.data!.report };
  }

  it('cells directly, through a fragment, or one cell: one statement, the same cells as a listing gives', async () => {
    const direct = await ask('{ report(id: "1") { agency { name } cells { address value } } }');
    const fragment = await ask('query { report(id: "1") { ...withCells } } fragment withCells on Report { agency { name } ... on Report { cells { address value } } }');
    const one = await ask('{ report(id: "1") { cell(address: "t3/new/total") { value } } }');
    const { body } = await gateway.graphql<{ reports: { edges: { node: { cells: unknown[] } }[] } }>('{ reports(first: 1) { edges { node { cells { address value } } } } }');
    expect([direct.statements, fragment.statements, one.statements]).toEqual([1, 1, 1]);
    expect(direct.report.agency.name).toBe('测试机关');
    expect(direct.report.cells).toHaveLength(200);
    expect(direct.report.cells).toEqual(body.data!.reports.edges[0]!.node.cells);
    expect(fragment.report).toEqual(direct.report);
    // t3/new/total of seed 001, as a person read it (test/fixtures/expected).
    expect(one.report.cell!.value).toBe(6);
    expect(direct.report.cells!.find((c) => c.address === 't3/new/total')!.value).toBe(6);
  });

  it('without cells the report is not sent with them; a missing report is null', async () => {
    const plain = await ask('{ report(id: "1") { agency { name } } }');
    expect(plain.statements).toBe(1);
    const missing = await ask('{ report(id: "99") { cells { value } } }');
    expect(missing.report).toBeNull();
  });
});

describe('aggregates are computed by the database: statements do not grow with the corpus', () => {
  // One root field per request: DataLoader batches within a tick, and two root fields may resolve in different ticks.
  const AGGREGATE = `{
    aggregate(groupBy: [AGENCY, YEAR], measures: ["t3/new/total", "completionRate", "reportCompleteness"]) {
      key { year agency { name } parent { name } } count values { sum pooled yearOverYear { absolute } }
    }
  }`;
  const RANK = '{ rank(measure: "disclosureRate", groupBy: [PARENT], limit: 3) { key { parent { name } } value { pooled } } }';

  async function statementsFor(agencies: number): Promise<{ statements: number[]; groups: number }> {
    const corpus = await writeCorpus({ seed: agencies, agencies });
    // Every agency × year is priced for a full corpus (200,000 groups), over the default cost limit; here it counts statements.
    const gateway = await startTestGateway([], { prepare: (dataSource) => loadCorpus(dataSource, corpus), settings: { limits: { maxCost: 10_000_000 } } });
    try {
      const statements: number[] = [];
      let groups = 0;
      for (const query of [AGGREGATE, RANK]) {
        gateway.counter.count = 0;
        const { body } = await gateway.graphql<{ aggregate?: unknown[] }>(query);
        expect(body.errors).toBeUndefined();
        statements.push(gateway.counter.count);
        groups = body.data!.aggregate?.length ?? groups;
      }
      return { statements, groups };
    } finally {
      await gateway.stop();
      corpus.cleanup();
    }
  }

  it('8 agencies and 30 agencies × 3 years: the same statements', async () => {
    const small = await statementsFor(8);
    const large = await statementsFor(30);
    expect([small.groups, large.groups]).toEqual([24, 90]);
    expect(large.statements).toEqual(small.statements);
    // The grouped query, then one batch of the agencies the keys name.
    expect(small.statements).toEqual([2, 2]);
  });
});
