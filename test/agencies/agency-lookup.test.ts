import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, sampleText } from '../helpers/fixtures';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { ndjson, runCli } from '../helpers/run-cli';
import { cliDatabase, type CliDatabase } from '../helpers/test-databases';

/**
 * The 洪泽区 reports: 2023's title prints 洪泽区人民政府, 2024's 淮安市洪泽区人民政府.
 * Both are filed under the shorter name, the longer kept as the full name.
 * t3/new/total as a person read it: 21 (2023) and 95 (2024), so 116 for both.
 */
const HONGZE = [2023, 2024].map((year) => ({ file: join(FIXTURES, 'pdf', `hongze-${year}.pdf`) }));
const KEY = { authorization: 'Bearer k' };

describe('every name an agency is known by finds it, over GraphQL and /extract', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway(HONGZE, { apiKeys: 'k' });
  });
  afterAll(() => gateway.stop());

  const agency = async (name: string) => (await gateway.graphql<{ agency: { name: string; fullName: string | null } | null }>('query($n: String) { agency(name: $n) { name fullName } }', { n: name })).body;
  const report = async (name: string, year: number) =>
    (await gateway.graphql<{ report: { year: number; agency: { name: string }; cell: { value: number } } | null }>(
      'query($n: String, $y: Int) { report(agencyName: $n, year: $y) { year agency { name } cell(address: "t3/new/total") { value } } }',
      { n: name, y: year },
    )).body.data!.report;
  const reportCount = async (part: string) => (await gateway.graphql<{ reports: { totalCount: number } }>('query($p: String) { reports(filter: { agencyName: $p }) { totalCount } }', { p: part })).body.data!.reports.totalCount;
  const newTotal = async (part: string) =>
    (await gateway.graphql<{ aggregate: { count: number; values: { sum: number | null }[] }[] }>(
      'query($p: String) { aggregate(filter: { agencyName: $p }, measures: ["t3/new/total"]) { count values { sum } } }',
      { p: part },
    )).body.data!.aggregate;

  it('agency(name): the stored name, the full name the 2024 title prints, and that name with the province in front', async () => {
    const hongze = { name: '洪泽区人民政府', fullName: '淮安市洪泽区人民政府' };
    expect((await agency('洪泽区人民政府')).data!.agency).toEqual(hongze);
    expect((await agency('淮安市洪泽区人民政府')).data!.agency).toEqual(hongze);
    expect((await agency('江苏省淮安市洪泽区人民政府')).data!.agency).toEqual(hongze);
    expect((await agency('淮安市人民政府')).data!.agency).toBeNull();
  });

  it('report(agencyName, year) by the full name: the 2024 report, 95 new applications', async () => {
    expect(await report('淮安市洪泽区人民政府', 2024)).toEqual({ year: 2024, agency: { name: '洪泽区人民政府' }, cell: { value: 95 } });
    expect(await report('洪泽区人民政府', 2023)).toEqual({ year: 2023, agency: { name: '洪泽区人民政府' }, cell: { value: 21 } });
    expect(await report('淮安市洪泽区人民政府', 2022)).toBeNull();
  });

  it('reports(filter: {agencyName}) and aggregate filters find a part of any name', async () => {
    expect(await reportCount('淮安市')).toBe(2);
    expect(await reportCount('洪泽区')).toBe(2);
    expect(await reportCount('涟水县')).toBe(0);
    expect(await newTotal('淮安市')).toEqual([{ count: 2, values: [{ sum: 116 }] }]);
    const agencies = await gateway.graphql<{ agencies: { totalCount: number } }>('{ agencies(filter: { name: "淮安市" }) { totalCount } }');
    expect(agencies.body.data!.agencies.totalCount).toBe(1);
  });

  it('a short name set later finds the agency too; one two agencies share is refused, naming both', async () => {
    const set = (input: Record<string, unknown>) => gateway.graphql('mutation($i: AgencyMetadataInput!) { setAgencyMetadata(input: $i) { name shortName } }', { i: input }, KEY);
    // The mutation finds the agency by its full name.
    expect((await set({ name: '淮安市洪泽区人民政府', shortName: '洪泽区政府' })).body).toEqual({ data: { setAgencyMetadata: { name: '洪泽区人民政府', shortName: '洪泽区政府' } } });
    expect((await agency('洪泽区政府')).data!.agency?.name).toBe('洪泽区人民政府');
    expect(await report('洪泽区政府', 2024)).toMatchObject({ year: 2024 });
    expect(await reportCount('区政府')).toBe(2);
    const other = await gateway.graphql('mutation($t: String!) { ingestReport(input: { text: $t, agencyName: "测试用洪泽区机关", year: 2024 }) { outcome } }', { t: sampleText('001_e6ee48d9f5f3b505.txt') }, KEY);
    expect(other.body.errors).toBeUndefined();
    expect((await set({ name: '测试用洪泽区机关', shortName: '洪泽区政府' })).body.errors).toBeUndefined();
    const ambiguous = await agency('洪泽区政府');
    expect(ambiguous.errors?.[0]).toMatchObject({ message: '"洪泽区政府" names 2 agencies (洪泽区人民政府, 测试用洪泽区机关): ask by id or by another name', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('/extract/report-tables by the full name', async () => {
    const response = await fetch(`${gateway.url}/extract/report-tables.json?agencyName=${encodeURIComponent('淮安市洪泽区人民政府')}&year=2024`);
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as { data: { report: { title: string } | null } };
    expect(data.report?.title).toMatch(/^淮安市洪泽区人民政府2024年/);
  });

  it('/extract/all-cells filtered by a part of the full name: every cell of both reports', async () => {
    const response = await fetch(`${gateway.url}/extract/all-cells.ndjson?filter=${encodeURIComponent(JSON.stringify({ agencyName: '淮安市' }))}`);
    expect(response.status).toBe(200);
    const rows = ndjson<Record<string, unknown>>(await response.text());
    // 200 template cells in each of the two reports.
    expect(rows).toHaveLength(400);
    expect(new Set(rows.map((row) => row['reports.agency.name']))).toEqual(new Set(['洪泽区人民政府']));
  });
});

describe('the CLI finds an agency by any of its names', () => {
  let database: CliDatabase;
  beforeAll(async () => {
    database = await cliDatabase();
    expect(runCli(['ingest', ...HONGZE.map((s) => s.file), ...database.args], database.env).status).toBe(0);
  });
  afterAll(() => database.cleanup());

  it('export --agency with the full name: both reports, 200 cells each', () => {
    const run = runCli(['export', '--format', 'ndjson', '--agency', '淮安市洪泽区人民政府', ...database.args], database.env);
    expect(run.status).toBe(0);
    const records = ndjson<{ agency: string; year: number }>(run.stdout);
    expect(records).toHaveLength(400);
    expect(new Set(records.map((r) => `${r.agency} ${r.year}`))).toEqual(new Set(['洪泽区人民政府 2023', '洪泽区人民政府 2024']));
    const versions = runCli(['export', '--format', 'ndjson', '--versions', 'all', '--agency', '淮安市洪泽区人民政府', '--years', '2024', ...database.args], database.env);
    expect(ndjson(versions.stdout)).toHaveLength(200);
  });

  it('versions --agency with the full name', () => {
    const run = runCli(['versions', '--agency', '淮安市洪泽区人民政府', '--year', '2024', ...database.args], database.env);
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n').filter((line) => /^\*\s+\d+\s+PARSED/.test(line))).toHaveLength(1);
  });
});
