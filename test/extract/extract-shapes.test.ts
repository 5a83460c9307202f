import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ndjson } from '../helpers/run-cli';
import { FIXTURES } from '../helpers/fixtures';
import { FORMULA_NAME, formulaTitledReport } from '../helpers/formula-report';
import { SAMPLE_SOURCES, startTestGateway, type TestGateway } from '../helpers/gateway';

// The five samples, the 2020 G2 report, 洪泽区 2023 and 2024 (PDF) and the formula-titled copy of sample 000: nine reports.
const SOURCES = [
  ...SAMPLE_SOURCES,
  { file: join(FIXTURES, 'g2', '2020-g2-finance.txt') },
  { file: join(FIXTURES, 'pdf', 'hongze-2023.pdf') },
  { file: join(FIXTURES, 'pdf', 'hongze-2024.pdf') },
  { text: formulaTitledReport() },
];
/** 200 cells per G3 report, 198 for the G2 one (report-format.md). */
const ALL_CELLS = 8 * 200 + 198;

describe('extract shapes: CSV neutralising, rows, every page', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway(SOURCES);
  }, 120_000);
  afterAll(() => gateway.stop());

  const text = async (path: string) => {
    const response = await fetch(`${gateway.url}${path}`);
    expect(response.status).toBe(200);
    return response.text();
  };
  const csvRows = async (path: string) => parse(await text(path), { columns: true }) as Record<string, string>[];
  const ndjsonRows = async (path: string) => ndjson<Record<string, unknown>>(await text(path));

  it('CSV puts a quote before text a spreadsheet would run; numbers stay numbers; NDJSON and JSON keep the name as stored', async () => {
    const rows = await csvRows('/extract/all-cells.csv');
    expect(rows).toHaveLength(ALL_CELLS);
    expect(rows.filter((r) => r['reports.agency.name'] === `'${FORMULA_NAME}`)).toHaveLength(200);
    expect(rows.filter((r) => r['reports.agency.name']!.startsWith('='))).toEqual([]);
    // 2020-g2-finance.txt prints 行政许可 本年增/减 as -1 (test/fixtures/g2/2020-g2-finance.json): the number stays -1, the printed text is quoted.
    const change = rows.find((r) => r['reports.year'] === '2020' && r['reports.cells.address'] === 't2/licensing/change')!;
    expect([change['reports.cells.value'], change['reports.cells.raw']]).toEqual(['-1', "'-1"]);

    const lines = await ndjsonRows('/extract/all-cells.ndjson');
    expect(lines.filter((l) => l['reports.agency.name'] === FORMULA_NAME)).toHaveLength(200);
    expect(lines.find((l) => l['reports.year'] === 2020 && l['reports.cells.address'] === 't2/licensing/change')).toMatchObject({ 'reports.cells.value': -1, 'reports.cells.raw': '-1' });
    const json = JSON.parse(await text('/extract/all-cells.json')) as { data: { reports: { edges: { node: { agency: { name: string } } }[] } } };
    expect(json.data.reports.edges.map((e) => e.node.agency.name)).toContain(FORMULA_NAME);
  });

  it('all-cells: no pageInfo column, one row per cell', async () => {
    const lines = (await text('/extract/all-cells.csv')).split('\n');
    expect(lines[0]).toBe('reports.id,reports.year,reports.agency.name,reports.cells.address,reports.cells.value,reports.cells.raw,reports.cells.status,reports.cells.inferred,reports.cells.line,reports.cells.corrected,reports.cells.correctionReason');
    expect(Object.keys((await ndjsonRows('/extract/all-cells.ndjson'))[0]!).filter((key) => key.includes('pageInfo'))).toEqual([]);
  });

  it('failing-checks: one row per failing check, the cells it read in one field (CSV: joined by |; NDJSON: a list)', async () => {
    // hongze-2023.pdf prints the t4 totals as 0 although 行政复议 shows 10 upheld + 1 corrected and 复议后起诉 5 upheld (test/fixtures/pdf/README.md).
    const rows = (await csvRows('/extract/failing-checks.csv')).filter((r) => r['reports.year'] === '2023' && r['reports.agency.name'] === '洪泽区人民政府');
    expect(rows.map((r) => r['reports.checks.id'])).toEqual(['t4.rowTotal/review', 't4.rowTotal/litigationAfterReview']);
    expect(rows[0]).toMatchObject({
      'reports.checks.severity': 'ERROR',
      'reports.checks.expected': '11',
      'reports.checks.actual': '0',
      'reports.checks.cells': 't4/review/total|t4/review/upheld|t4/review/corrected|t4/review/other|t4/review/pending',
    });
    const lines = (await ndjsonRows('/extract/failing-checks.ndjson')).filter((l) => l['reports.checks.id'] === 't4.rowTotal/litigationAfterReview');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ 'reports.checks.expected': 5, 'reports.checks.actual': 0, 'reports.checks.cells': ['t4/litigationAfterReview/total', 't4/litigationAfterReview/upheld', 't4/litigationAfterReview/corrected', 't4/litigationAfterReview/other', 't4/litigationAfterReview/pending'] });
  });

  it('aggregate-by-year: rank gives rows of its own, its fields as columns with numbers as numbers', async () => {
    const lines = await ndjsonRows('/extract/aggregate-by-year.ndjson');
    const ranked = lines.filter((l) => l['rank.rank'] !== null);
    // Only 洪泽区 has 20 results or more: 21 in 2023 and 95 in 2024, 4 + 59 of them disclosed (test/fixtures/pdf/expected).
    expect(ranked).toEqual([
      expect.objectContaining({ 'aggregate.key.year': null, 'aggregate.values.measure': null, 'rank.rank': 1, 'rank.key.agency.name': '洪泽区人民政府', 'rank.value.pooled': 63 / 116, 'rank.value.denominator': 116 }),
    ]);
    const aggregates = lines.filter((l) => l['rank.rank'] === null);
    expect(aggregates).toHaveLength(4 * 3);
    expect(aggregates.find((l) => l['aggregate.key.year'] === 2024 && l['aggregate.values.measure'] === 't3/new/total')).toMatchObject({ 'aggregate.count': 1, 'aggregate.values.sum': 95, 'rank.key.agency.name': null });
    const csv = (await csvRows('/extract/aggregate-by-year.csv')).filter((r) => r['rank.rank'] !== '');
    expect(csv).toEqual([expect.objectContaining({ 'aggregate.key.year': '', 'rank.rank': '1', 'rank.key.agency.name': '洪泽区人民政府', 'rank.value.denominator': '116' })]);
  });

  it('JSON follows every page: two reports a page give the document one page of 100 gives, with every report', async () => {
    const onePage = await text('/extract/all-cells.json');
    const fivePages = await text('/extract/all-cells.json?first=2');
    expect(fivePages).toBe(onePage);
    const json = JSON.parse(fivePages) as { data: { reports: { edges: { node: { id: string; cells: unknown[] } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } };
    expect(fivePages).toBe(`${JSON.stringify(json, null, 2)}\n`);
    const { edges, pageInfo } = json.data.reports;
    expect(edges).toHaveLength(9);
    expect(new Set(edges.map((e) => e.node.id)).size).toBe(9);
    expect(edges.reduce((sum, e) => sum + e.node.cells.length, 0)).toBe(ALL_CELLS);
    expect(pageInfo.hasNextPage).toBe(false);
    expect(await text('/extract/all-cells.ndjson?first=2')).toBe(await text('/extract/all-cells.ndjson'));
  });
});
