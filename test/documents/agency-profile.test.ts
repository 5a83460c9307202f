import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUERIES_DIR } from '../../src/server/example-queries';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { elements, getAttributeValue, outerHtml, shownNumbers, textContent, valueAtPath } from '../helpers/profile-html';
import { DOCUMENT_SOURCES, fiveYearCorpus, HONGZE, loadCorpus } from '../helpers/profile-documents';

const PROFILE_QUERY = readFileSync(join(QUERIES_DIR, 'agency-profile.graphql'), 'utf8');
const EDITOR = { authorization: 'Bearer editor-secret-17' };

/** The numbers shown as percentages (one decimal): the rate figures, their peer statistics and trends, percentile ranks. */
const RATE_PATHS = [
  /^report\.(completionRate|disclosureRate|carryForwardRate|reviewCorrectionRate|litigationCorrectionRate|reportCompleteness)\.value$/,
  /^report\.(completionRate|disclosureRate)AmongPeers\.(value|p25|median|p75)$/,
  /^report\.\w+AmongPeers\.percentileRank$/,
  /^report\.agency\.(completionRate|disclosureRate)\.\d+\.value$/,
];

/** How a person writes the number: a count as it is, a rate as a percentage with one decimal. */
function written(path: string, value: number): string {
  return RATE_PATHS.some((rate) => rate.test(path)) ? `${(value * 100).toFixed(1)}%` : String(value);
}

interface Answer {
  report: {
    id: string;
    year: number;
    agency: { name: string };
    tables: { rows: { cells: { address: string; value: number | null; status: string }[] }[] }[];
    checks: { id: string }[];
  } | null;
}

describe('the agency profile (单位年度画像): every number shown is the one GraphQL answers', () => {
  let gateway: TestGateway;
  let reports: { id: string; year: number; agency: { name: string } }[];

  beforeAll(async () => {
    gateway = await startTestGateway(DOCUMENT_SOURCES, { apiKeys: 'ed:editor:editor-secret-17' });
    const listed = await gateway.graphql<{ reports: { edges: { node: { id: string; year: number; agency: { name: string } } }[] } }>('{ reports(first: 50) { edges { node { id year agency { name } } } } }');
    reports = listed.body.data!.reports.edges.map((e) => e.node);
  }, 120_000);
  afterAll(async () => gateway?.stop());

  const profileOf = async (id: string) => {
    const response = await fetch(`${gateway.url}/profiles/${id}.html`);
    expect(response.status, `/profiles/${id}.html`).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    return response.text();
  };
  const answerOf = async (id: string) => {
    const { body } = await gateway.graphql<Answer>(PROFILE_QUERY, { reportId: id });
    expect(body.errors).toBeUndefined();
    return body.data!;
  };
  const reportOf = (agency: string, year: number) => reports.find((r) => r.agency.name === agency && r.year === year)!;

  it('for each sample and each 洪泽区 PDF: each data-value equals the answer at its data-path, written as a count or a percentage', async () => {
    expect(reports).toHaveLength(7);
    for (const { id } of reports) {
      const [html, data] = [await profileOf(id), await answerOf(id)];
      const shown = shownNumbers(html);
      const wrong = shown.flatMap((n) => {
        if (!n.path) return [`${n.value} has no data-path`];
        const answered = valueAtPath(data, n.path);
        if (typeof answered !== 'number' || Number(n.value) !== answered) return [`${n.path}: shown ${n.value}, answered ${String(answered)}`];
        if (n.text !== written(n.path, answered)) return [`${n.path}: written "${n.text}", expected "${written(n.path, answered)}"`];
        return [];
      });
      expect(wrong, `report ${id}`).toEqual([]);
      // Nothing left out: every cell read as a number and every key figure with a value is shown.
      const paths = new Set(shown.map((n) => n.path));
      const cellPaths = data.report!.tables.flatMap((t, ti) => t.rows.flatMap((r, ri) => r.cells.flatMap((c, ci) => (c.value === null ? [] : [`report.tables.${ti}.rows.${ri}.cells.${ci}.value`]))));
      expect(cellPaths.length).toBeGreaterThan(100);
      expect(cellPaths.filter((p) => !paths.has(p))).toEqual([]);
      for (const figure of ['applicationsReceived', 'completionRate', 'reportCompleteness']) {
        if (valueAtPath(data, `report.${figure}.value`) !== null) expect(paths, `${id} ${figure}`).toContain(`report.${figure}.value`);
      }
    }
  });

  it('洪泽区 2024: a two-year trend of applications received, 21 then 95 (read from the PDFs), drawn as SVG with its numbers in the caption table', async () => {
    const html = await profileOf(reportOf(HONGZE, 2024).id);
    const figures = elements(html, (e) => e.name === 'figure');
    expect(figures.length).toBeGreaterThanOrEqual(2);
    const trend = figures.find((f) => textContent(f).includes('申请与行政复议'))!;
    const svg = elements(html, (e) => e.name === 'svg' && getAttributeValue(e, 'aria-label') === '申请与行政复议（件）');
    expect(svg).toHaveLength(1);
    expect(getAttributeValue(svg[0]!, 'role')).toBe('img');
    const rows = elements(trend, (e) => e.name === 'tr' && (e.parent as { name?: string } | null)?.name === 'tbody');
    const table = rows.map((row) => [textContent(row.children[0] as never), getAttributeValue(row.children[1] as never, 'data-value')]);
    expect(table).toEqual([
      ['2023', '21'],
      ['2024', '95'],
    ]);
    // The 2024 report's heading names the agency and the year.
    expect(textContent(elements(html, (e) => e.name === 'h1')[0]!)).toBe(`${HONGZE} 2024 年度政府信息公开画像`);
  });

  it('洪泽区 2023: the failing t4 checks are errors (错误), each with its evidence: the text as printed, line and page', async () => {
    const id = reportOf(HONGZE, 2023).id;
    const [html, data] = [await profileOf(id), await answerOf(id)];
    const checks = elements(html, (e) => e.name === 'section' && getAttributeValue(e, 'data-check') !== undefined);
    expect(checks.map((c) => getAttributeValue(c, 'data-check'))).toEqual(data.report!.checks.map((c) => c.id));
    const review = checks.find((c) => getAttributeValue(c, 'data-check') === 't4.rowTotal/review')!;
    expect(textContent(review)).toContain('错误');
    expect(textContent(review)).toContain('尚未复核');
    // test/fixtures/pdf/README.md: review parts add up to 11, the total printed 0; 结果维持 printed "10" on page 4 (test/ingest/pdf-pages.test.ts).
    const numbers = Object.fromEntries(shownNumbers(outerHtml(review)).map((n) => [n.path!.replace(/^report\.checks\.\d+\./, ''), n.value]));
    expect(numbers).toMatchObject({ expected: '11', actual: '0' });
    const upheld = elements(review, (e) => e.name === 'tr' && getAttributeValue(e, 'data-address') === 't4/review/upheld')[0]!;
    const cells = upheld.children.filter((c) => (c as { name?: string }).name === 'td').map((c) => textContent(c as never).trim());
    expect(cells[2]).toBe('10');
    expect(cells[4]).toBe('4');
    expect(Number(cells[3])).toBeGreaterThan(0);
  });

  it('t3 as the template prints it: 三、本年度办理结果 above the results, each block’s heading above its rows', async () => {
    const html = await profileOf(reportOf(HONGZE, 2024).id);
    const t3 = elements(html, (e) => e.name === 'table' && getAttributeValue(e, 'data-table') === 't3')[0]!;
    const headings = elements(t3, (e) => e.name === 'tr' && getAttributeValue(e, 'class') === 'block-heading').map((row) => textContent(row));
    expect(headings).toEqual(['三、本年度办理结果', '（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理']);
  });

  it('洪泽区 2023: the cells of the block printed as one row are marked 推算 (inferred)', async () => {
    const html = await profileOf(reportOf(HONGZE, 2023).id);
    const cell = elements(html, (e) => e.name === 'td' && getAttributeValue(e, 'data-address') === 't3/other.noCorrection/total' )[0]!;
    expect(textContent(cell)).toContain('推算');
    const plain = elements(html, (e) => e.name === 'td' && getAttributeValue(e, 'data-address') === 't3/new/total')[0]!;
    expect(textContent(plain)).toBe('21');
  });

  it('a corrected cell shows 已更正 with the value before and the reason', async () => {
    const target = reports.find((r) => r.agency.name !== HONGZE)!;
    const corrected = await gateway.graphql(
      'mutation ($id: ID!) { correctCells(reportId: $id, cells: [{ address: "t3/new/total", value: 7 }], reason: "据原始登记表更正") { report { id } } }',
      { id: target.id },
      EDITOR,
    );
    expect(corrected.body.errors).toBeUndefined();
    const html = await profileOf(target.id);
    const cell = elements(html, (e) => e.name === 'td' && getAttributeValue(e, 'data-address') === 't3/new/total')[0]!;
    expect(textContent(cell)).toMatch(/^7 已更正（原值 \d+；理由：据原始登记表更正）$/);
    // And the numbers are still the ones GraphQL answers after the correction.
    const data = await answerOf(target.id);
    for (const n of shownNumbers(html)) expect(Number(n.value), n.path).toBe(valueAtPath(data, n.path!));
  });

  it('a reviewed failing check shows the verdict, the note and the reviewer', async () => {
    const id = reportOf(HONGZE, 2023).id;
    const reviewed = await gateway.graphql(
      'mutation ($id: ID!) { reviewCheck(reportId: $id, checkId: "t4.rowTotal/litigationAfterReview", verdict: CONFIRMED_ERROR, note: "总计栏漏填") { verdict } }',
      { id },
      EDITOR,
    );
    expect(reviewed.body.errors).toBeUndefined();
    const html = await profileOf(id);
    const check = elements(html, (e) => e.name === 'section' && getAttributeValue(e, 'data-check') === 't4.rowTotal/litigationAfterReview')[0]!;
    expect(textContent(check)).toMatch(/复核结论：确认有误（ed，\d{4}-\d{2}-\d{2}）：总计栏漏填/);
  });

  it('answers 404 for an unknown report and 400 for a malformed id; an unchanged profile answers 304 to its ETag', async () => {
    const unknown = await fetch(`${gateway.url}/profiles/999999.html`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: string }).error).toBe('no report with id 999999');
    for (const bad of ['abc', '0', '-1', '1.5']) {
      const response = await fetch(`${gateway.url}/profiles/${bad}.html`);
      expect(response.status, bad).toBe(400);
      expect(((await response.json()) as { code: string }).code).toBe('BAD_USER_INPUT');
    }
    expect((await fetch(`${gateway.url}/profiles/1.docx`)).status).toBe(404);
    const first = await fetch(`${gateway.url}/profiles/${reports[0]!.id}.html`);
    const again = await fetch(`${gateway.url}/profiles/${reports[0]!.id}.html`, { headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });
});

describe('the agency profile of an agency with five years of reports', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    const corpus = await fiveYearCorpus();
    gateway = await startTestGateway([], { apiKeys: 'ops:admin:admin-secret-17', prepare: (dataSource) => loadCorpus(dataSource, corpus) });
  }, 180_000);
  afterAll(async () => gateway?.stop());

  it('draws the last five years up to the year of the report, each point what trend() answers for the year', async () => {
    type Listed = { reports: { edges: { node: { id: string; year: number; agency: { name: string } } }[] } };
    const listed = (await gateway.graphql<Listed>('{ reports(first: 100, orderBy: YEAR_ASC) { edges { node { id year agency { name } } } } }')).body.data!.reports.edges.map((e) => e.node);
    const agency = listed[0]!.agency.name;
    const byYear = (year: number) => listed.find((r) => r.agency.name === agency && r.year === year)!;
    type Trend = { agency: { trend: { year: number; value: number | null }[] } };
    const trend = (await gateway.graphql<Trend>('query ($n: String!) { agency(name: $n) { trend(measure: "applicationsReceived") { year value } } }', { n: agency })).body.data!.agency.trend;
    expect(trend.map((p) => p.year)).toEqual([2020, 2021, 2022, 2023, 2024]);
    for (const [year, years] of [[2024, [2020, 2021, 2022, 2023, 2024]], [2022, [2020, 2021, 2022]]] as const) {
      const html = await (await fetch(`${gateway.url}/profiles/${byYear(year).id}.html`)).text();
      const figure = elements(html, (e) => e.name === 'figure' && textContent(e).includes('申请与行政复议'))[0]!;
      const rows = elements(figure, (e) => e.name === 'tr' && (e.parent as { name?: string } | null)?.name === 'tbody');
      expect(rows.map((row) => [Number(textContent(row.children[0] as never)), Number(getAttributeValue(row.children[1] as never, 'data-value'))])).toEqual(
        years.map((y) => [y, trend.find((p) => p.year === y)!.value]),
      );
    }
  });
  it('a year the agency has no report for stays on the axis as a gap, saying so (run last: it deletes a report)', async () => {
    type Listed = { reports: { edges: { node: { id: string; year: number; agency: { name: string } } }[] } };
    const listed = (await gateway.graphql<Listed>('{ reports(first: 100, orderBy: YEAR_ASC) { edges { node { id year agency { name } } } } }')).body.data!.reports.edges.map((e) => e.node);
    const agency = listed[0]!.agency.name;
    const of = (year: number) => listed.find((r) => r.agency.name === agency && r.year === year)!;
    const deleted = await gateway.graphql(`mutation { deleteReport(id: "${of(2022).id}") }`, {}, { authorization: 'Bearer admin-secret-17' });
    expect(deleted.body.errors).toBeUndefined();
    const html = await (await fetch(`${gateway.url}/profiles/${of(2024).id}.html`)).text();
    const figure = elements(html, (e) => e.name === 'figure' && textContent(e).includes('申请与行政复议'))[0]!;
    const rows = elements(figure, (e) => e.name === 'tr' && (e.parent as { name?: string } | null)?.name === 'tbody');
    expect(rows.map((row) => textContent(row.children[0] as never))).toEqual(['2020', '2021', '2022', '2023', '2024']);
    expect(getAttributeValue(rows[2]!.children[1] as never, 'data-value')).toBeUndefined();
    expect(textContent(rows[2]!)).toContain('2022 年无报告');
  });
});
