import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectation, sampleText } from '../helpers/fixtures';
import { SAMPLE_SOURCES, startTestGateway, VARIANT_2022, type GraphQLResult, type TestGateway } from '../helpers/gateway';
import { tempSqlitePath } from '../helpers/temp-database';

const REPORT_FIELDS = `
  id year generation title publishedAt sourceFile failingChecks
  agency { id name }
  warnings { code message line address }
  sections { code title text line children { code title text line } }
  tables { code title rows { code label cells { address } } }
  cell(address: "t3/new/total") { address table row column value raw status inferred rule line }
  cells(table: "t4") { address value }
  figures { applicationsReceived applicationsToHandle completionRate disclosureRate fullDisclosureRate denialRate unableRate notProcessedRate otherRate carryForwardRate organizationShare reviewCorrectionRate litigationCorrectionRate disputeRate reportCompleteness }
  figure(name: COMPLETION_RATE) { name value numerator denominator reason }
  checks { id rule status severity expected actual cells message }
  previous { id year }
  yearOverYear(measure: "t3/new/total") { measure previous current absolute relative reason }
`;

interface ReportData {
  id: string;
  year: number;
  failingChecks: number;
  agency: { name: string };
  figures: Record<string, number | null>;
  figure: { value: number | null; reason: string | null };
  checks: { id: string; status: string; expected: number | null; actual: number | null }[];
  previous: { year: number } | null;
  yearOverYear: Record<string, unknown>;
  cell: Record<string, unknown>;
  cells: unknown[];
  tables: { code: string; rows: { cells: unknown[] }[] }[];
  sections: { code: string; children: { code: string }[] }[];
}

describe('the gateway over real HTTP, on the five samples and a 2022 variant', () => {
  let gateway: TestGateway;
  const broken = tempSqlitePath();

  beforeAll(async () => {
    const brokenFile = join(broken.dir, 'broken.txt');
    writeFileSync(brokenFile, sampleText('004_bf4f29cfa6729ec5.txt').replace('(七) 总计\t\t2\t0\t0\t0\t0\t0\t2\t', '(七) 总计\t\t2\t0\t0\t0\t0\t0\t5\t'));
    gateway = await startTestGateway([...SAMPLE_SOURCES, { file: VARIANT_2022 }, { file: brokenFile, agencyName: '测试用错误报告局' }]);
  });
  afterAll(async () => {
    await gateway.stop();
    broken.cleanup();
  });

  const report = async (agencyName: string, year: number) => {
    const { status, body } = await gateway.graphql<{ report: ReportData }>(`query($a: String, $y: Int) { report(agencyName: $a, year: $y) { ${REPORT_FIELDS} } }`, { a: agencyName, y: year });
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    return body.data!.report;
  };

  it('serves every contract field of a report, nested', async () => {
    const r = await report('经济技术开发区管理办公室', 2023);
    expect(r.cell).toEqual({ address: 't3/new/total', table: 't3', row: 'new', column: 'total', value: 2, raw: '2', status: 'NUMBER', inferred: false, rule: null, line: 55 });
    expect(r.cells).toHaveLength(15);
    expect(r.tables.map((t) => [t.code, t.rows.length, t.rows.reduce((n, row) => n + row.cells.length, 0)])).toEqual([
      ['t2', 6, 10],
      ['t3', 25, 175],
      ['t4', 3, 15],
    ]);
    expect(r.sections.map((s) => s.code)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(r.sections[0]!.children.map((s) => s.code)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5']);
    expect(r.previous).toBeNull();
    expect(r.yearOverYear).toEqual({ measure: 't3/new/total', previous: null, current: 2, absolute: null, relative: null, reason: 'no report for 2022' });
  });

  it.each(['001_e6ee48d9f5f3b505.txt', '004_bf4f29cfa6729ec5.txt'])('%s: figures as a person computed them', async (file) => {
    const expected = expectation(file) as unknown as { agency: string; year: number; figures: Record<string, number | null> };
    const r = await report(expected.agency, expected.year);
    for (const [name, value] of Object.entries(expected.figures)) {
      if (value === null) expect(r.figures[name], name).toBeNull();
      else expect(r.figures[name], name).toBeCloseTo(value, 4);
    }
  });

  it.each(['000_cee05e4b3f1c7bfd.txt', '002_53b226deba812150.txt', '003_df08a9a1df66fae3.txt'])('%s: rates are null with a reason, never 0%', async (file) => {
    const expected = expectation(file);
    const r = await report(expected.agency, expected.year);
    expect(r.figures.applicationsReceived).toBe(0);
    expect(r.figures.completionRate).toBeNull();
    expect(r.figure).toEqual({ name: 'COMPLETION_RATE', value: null, numerator: 0, denominator: 0, reason: 'denominator t3/new/total + t3/carriedOver/total is 0' });
  });

  it.each(['000_cee05e4b3f1c7bfd.txt', '001_e6ee48d9f5f3b505.txt', '002_53b226deba812150.txt', '003_df08a9a1df66fae3.txt', '004_bf4f29cfa6729ec5.txt'])(
    '%s: every check passes',
    async (file) => {
      const expected = expectation(file);
      const r = await report(expected.agency, expected.year);
      expect(r.checks.filter((c) => c.status !== 'PASS')).toEqual([]);
      expect(r.failingChecks).toBe(0);
    },
  );

  it('cross-year: the 2022 report reads 2021 for carry-over, stock and year-over-year', async () => {
    const r = await report('驻马店经济开发区管委会', 2022);
    expect(r.previous).toEqual({ id: expect.any(String), year: 2021 });
    expect(r.checks.filter((c) => c.id.startsWith('crossYear.')).map((c) => [c.id, c.status, c.expected, c.actual])).toEqual([
      ['crossYear.carryOver/naturalPerson', 'PASS', 1, 1],
      ['crossYear.carryOver/commercial', 'PASS', 0, 0],
      ['crossYear.carryOver/research', 'PASS', 0, 0],
      ['crossYear.carryOver/socialWelfare', 'PASS', 0, 0],
      ['crossYear.carryOver/legalServices', 'PASS', 0, 0],
      ['crossYear.carryOver/otherOrg', 'PASS', 0, 0],
      ['crossYear.carryOver/total', 'PASS', 1, 1],
      ['crossYear.stock/regulations', 'PASS', 0, 0],
      ['crossYear.stock/normativeDocuments', 'PASS', 60, 60],
    ]);
    expect(r.yearOverYear).toEqual({ measure: 't3/new/total', previous: 6, current: 3, absolute: -3, relative: -0.5, reason: null });
    const { body } = await gateway.graphql<{ report: { yearOverYear: Record<string, number> } }>(
      '{ report(agencyName: "驻马店经济开发区管委会", year: 2022) { yearOverYear(measure: "completionRate") { previous current absolute relative } } }',
    );
    const change = body.data!.report.yearOverYear;
    expect(change.previous).toBeCloseTo(5 / 6, 10);
    expect(change.current).toBeCloseTo(3 / 4, 10);
    expect(change.absolute).toBeCloseTo(3 / 4 - 5 / 6, 10);
    expect(change.relative).toBeCloseTo((3 / 4 - 5 / 6) / (5 / 6), 10);
  });

  it('filters: years, agency, generation, failing checks; totalCount on every page', async () => {
    const ids = async (filter: string) => {
      const { body } = await gateway.graphql<{ reports: { totalCount: number; edges: { node: { agency: { name: string }; year: number } }[] } }>(
        `{ reports(filter: ${filter}, orderBy: AGENCY_NAME) { totalCount edges { node { year agency { name } } } } }`,
      );
      expect(body.errors).toBeUndefined();
      return body.data!.reports;
    };
    expect((await ids('{ years: [2021, 2022] }')).edges.map((e) => e.node.year)).toEqual([2021, 2022]);
    expect((await ids('{ agencyName: "驻马店" }')).totalCount).toBe(4);
    expect((await ids('{ generation: G3 }')).totalCount).toBe(7);
    expect((await ids('{ generation: G2 }')).totalCount).toBe(0);
    expect((await ids('{ hasFailingChecks: true }')).edges.map((e) => e.node.agency.name)).toEqual(['测试用错误报告局']);
    expect((await ids('{ hasFailingChecks: false }')).totalCount).toBe(6);
  });

  it('pages with cursors: stable order, no report twice or missed', async () => {
    type Page = { totalCount: number; edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const result: GraphQLResult<{ reports: Page }> = await gateway.graphql<{ reports: Page }>(
        'query($after: String) { reports(first: 3, after: $after, orderBy: YEAR_DESC) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      const reports: Page = result.body.data!.reports;
      expect(reports.totalCount).toBe(7);
      seen.push(...reports.edges.map((e) => e.node.id));
      if (!reports.pageInfo.hasNextPage) break;
      after = reports.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });

  it('agencies: by name, as a connection, each with its reports', async () => {
    const { body } = await gateway.graphql<{ agencies: { totalCount: number; edges: { node: { name: string; reports: { year: number }[] } }[] }; agency: { name: string } }>(
      '{ agencies(filter: { name: "管委会" }) { totalCount edges { node { name reports { year } } } } agency(name: "驻马店经济开发区统计局") { name } }',
    );
    expect(body.data!.agencies).toEqual({ totalCount: 1, edges: [{ node: { name: '驻马店经济开发区管委会', reports: [{ year: 2022 }, { year: 2021 }] } }] });
    expect(body.data!.agency).toEqual({ name: '驻马店经济开发区统计局' });
  });

  it.each([
    ['{ report { id } }', 'report needs id, or agencyName and year'],
    ['{ report(id: "x") { id } }', 'report(id): an id is a whole number from 1 to 2,147,483,647, got "x"'],
    ['{ report(id: "2147483648") { id } }', 'report(id): an id is a whole number from 1 to 2,147,483,647, got "2147483648"'],
    ['{ reports(filter: { agencyId: "99999999999" }) { totalCount } }', 'reports(filter.agencyId): an id is a whole number from 1 to 2,147,483,647, got "99999999999"'],
    ['{ report(id: "1") { cell(address: "t3/new/everyone") { value } } }', 'cell(address: "t3/new/everyone"): not a template cell; write table/row/column, e.g. t3/new/total'],
    ['{ report(id: "1") { cells(table: "t9") { value } } }', 'cells(table: "t9"): the tables are t2, t3 and t4'],
    ['{ reports(first: 1000) { totalCount } }', 'reports(first): from 0 to 100, got 1000'],
    ['{ reports(after: "nope") { totalCount } }', 'after: "nope" is not a cursor of this listing: pass a cursor it gave, in the same order'],
  ])('%s is refused with BAD_USER_INPUT: %s', async (query, message) => {
    const { body } = await gateway.graphql(query);
    expect(body.errors).toEqual([expect.objectContaining({ message, extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
  });
});
