import { parse as parseCsv } from 'csv-parse/sync';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECK_FAMILIES } from '../../src/checks/check-families';
import { barChart } from '../../src/documents/charts/bar-chart';
import { CHECK_FAMILY_ZH } from '../../src/documents/profile/profile-words.data';
import { buildOverview } from '../../src/documents/supervisor-overview';
import type { Overview } from '../../src/documents/supervisor-overview-model';
import { buildGatewaySchema } from '../../src/schema/build-schema';
import { createContext } from '../../src/server/context';
import { loadCorpus, writeCorpus, type Corpus } from '../helpers/corpus';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { DATABASE_KINDS } from '../helpers/test-databases';

const { findAll, findOne, getAttributeValue, textContent } = DomUtils;
const KEY = { authorization: 'Bearer overview-key' };
const YEAR = 2023;
const FIGURES = ['applicationsReceived', 'applicationsToHandle', 'completionRate', 'disclosureRate', 'reviewCorrectionRate', 'litigationCorrectionRate'] as const;
type FigureKey = (typeof FIGURES)[number];

interface AgencyNode {
  id: string;
  name: string;
  region: string | null;
  parent: { id: string } | null;
}
interface ReportNode {
  id: string;
  agency: { id: string; name: string };
  failingChecks: number;
  plausibilityWarnings: number;
  figures: Record<FigureKey, number | null>;
  checks: { id: string }[];
}

const REPORT_FIELDS = `id agency { id name } failingChecks plausibilityWarnings figures { ${FIGURES.join(' ')} } checks(status: FAIL) { id }`;

/** PERCENTILE.INC by hand: linear interpolation between the sorted values. */
function percentileInc(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const low = Math.floor(h);
  return sorted[low]! + (h - low) * ((sorted[Math.min(low + 1, sorted.length - 1)] ?? 0) - sorted[low]!);
}

/** Ranks by hand: highest value first, equal values by agency id, agencies without a value unranked. */
function ranksOf(reports: ReportNode[], figure: FigureKey): Map<string, number> {
  const valued = reports.filter((r) => r.figures[figure] !== null).sort((a, b) => b.figures[figure]! - a.figures[figure]! || Number(a.agency.id) - Number(b.agency.id));
  return new Map(valued.map((r, i) => [r.agency.id, i + 1]));
}

const attr = (element: Element, name: string) => getAttributeValue(element, name) ?? null;

describe.each(DATABASE_KINDS)('the supervisor overview of a generated corpus (%s)', (kind) => {
  let corpus: Corpus;
  let gateway: TestGateway;
  let region: string;
  let scopeAgencies: AgencyNode[];
  let scopeReports: ReportNode[];
  let deleted: AgencyNode;

  const graphql = async <T,>(query: string, variables?: Record<string, unknown>) => {
    const { body } = await gateway.graphql<T>(query, variables, KEY);
    expect(body.errors).toBeUndefined();
    return body.data!;
  };
  const get = (path: string) => fetch(`${gateway.url}${path}`);

  beforeAll(async () => {
    corpus = await writeCorpus({ seed: 1717, agencies: 36, fromYear: 2022, toYear: YEAR, damageRate: 0.5 });
    gateway = await startTestGateway([], { kind, apiKeys: 'overview:admin:overview-key', prepare: (dataSource) => loadCorpus(dataSource, corpus), settings: { limits: { maxCost: 10_000_000 } } });
    const all = await graphql<{ agencies: { edges: { node: AgencyNode }[] } }>('{ agencies(first: 100) { edges { node { id name region parent { id } } } } }');
    // The province holding most agencies is the scope.
    const provinces = new Map<string, number>();
    for (const { node } of all.agencies.edges) if (node.region) provinces.set(node.region.split('/')[0]!, (provinces.get(node.region.split('/')[0]!) ?? 0) + 1);
    region = [...provinces].sort((a, b) => b[1] - a[1])[0]![0];
    scopeAgencies = all.agencies.edges.map((e) => e.node).filter((a) => a.region === region || a.region?.startsWith(`${region}/`));
    // One agency of the scope loses its report of the year: it must be listed as missing.
    deleted = scopeAgencies[1]!;
    const its = await graphql<{ reports: { edges: { node: { id: string } }[] } }>(`{ reports(filter: { agencyId: "${deleted.id}", years: [${YEAR}] }) { edges { node { id } } } }`);
    expect(its.reports.edges).toHaveLength(1);
    await graphql(`mutation { deleteReport(id: "${its.reports.edges[0]!.node.id}") }`);
    const listReports = async () =>
      (await graphql<{ reports: { edges: { node: ReportNode }[] } }>(`query($region: String!) { reports(first: 100, filter: { region: $region, years: [${YEAR}] }) { edges { node { ${REPORT_FIELDS} } } } }`, { region })).reports.edges.map((e) => e.node);
    // The generated reports are consistent: three are broken by hand, one cell, two, three, so their checks fail.
    const breaks = [['t3/new/total'], ['t4/review/total', 't3/new/naturalPerson'], ['t3/new/total', 't3/carriedOver/total', 't4/review/total']];
    const before = await listReports();
    for (const [i, addresses] of breaks.entries()) {
      const cells = addresses.map((address) => ({ address, value: 1000 + i }));
      await graphql('mutation($id: ID!, $cells: [CellCorrectionInput!]!) { correctCells(reportId: $id, cells: $cells, reason: "broken for the overview test") { report { id } } }', { id: before[i + 2]!.id, cells });
    }
    scopeReports = await listReports();
  });
  afterAll(async () => {
    await gateway?.stop();
    corpus?.cleanup();
  });

  it('lists exactly the agencies whose reports fail checks, worst first, and by family the family failing most first', async () => {
    const failing = await graphql<{ reports: { edges: { node: ReportNode }[] } }>(
      `query($region: String!) { reports(first: 100, filter: { hasFailingChecks: true, region: $region, years: [${YEAR}] }) { edges { node { ${REPORT_FIELDS} } } } }`,
      { region },
    );
    const expected = failing.reports.edges.map((e) => e.node);
    expect(expected.length).toBeGreaterThan(1);
    const dom = parseDocument(await (await get(`/overviews/${YEAR}.html?region=${encodeURIComponent(region)}`)).text());
    const worst = findOne((e) => e.name === 'table' && attr(e, 'class') === 'worst', dom.children)!;
    const listed = findAll((e) => e.name === 'tr' && attr(e, 'data-agency') !== null, worst.children).map((tr) => attr(tr, 'data-agency'));
    const byWorst = [...expected].sort((a, b) => b.failingChecks - a.failingChecks || a.agency.name.localeCompare(b.agency.name, 'zh-CN') || Number(a.agency.id) - Number(b.agency.id));
    expect(listed).toEqual(byWorst.map((r) => r.agency.id));

    // Families by hand: the failing checks failingChecks counts (plausibility warnings left out).
    const families = new Map<string, { failing: number; agencies: Set<string> }>();
    for (const report of expected) {
      const counted = report.checks.filter((c) => !c.id.startsWith('plausibility.'));
      expect(counted).toHaveLength(report.failingChecks);
      for (const check of counted) {
        const family = check.id.split('/')[0]!;
        const group = families.get(family) ?? { failing: 0, agencies: new Set<string>() };
        group.failing += 1;
        group.agencies.add(report.agency.id);
        families.set(family, group);
      }
    }
    const headings = findAll((e) => e.name === 'h3' && attr(e, 'data-family') !== null, dom.children);
    const order = [...families].sort((a, b) => b[1].failing - a[1].failing || a[0].localeCompare(b[0])).map(([family]) => family);
    expect(headings.map((h) => attr(h, 'data-family'))).toEqual(order);
    for (const heading of headings) {
      const family = attr(heading, 'data-family')!;
      expect(textContent(heading)).toContain(CHECK_FAMILY_ZH[family]);
      const table = heading.next && (heading.next.next as Element);
      const agencies = findAll((e) => e.name === 'tr' && attr(e, 'data-agency') !== null, (table as Element).children).map((tr) => attr(tr, 'data-agency'));
      expect(new Set(agencies)).toEqual(families.get(family)!.agencies);
    }
  });

  it('lists as missing exactly the agencies in scope without a report of the year', async () => {
    const dom = parseDocument(await (await get(`/overviews/${YEAR}.html?region=${encodeURIComponent(region)}`)).text());
    const missing = findAll((e) => e.name === 'li' && attr(e, 'data-agency') !== null, findOne((e) => e.name === 'ul' && attr(e, 'class') === 'missing', dom.children)!.children);
    const reported = new Set(scopeReports.map((r) => r.agency.id));
    const expected = scopeAgencies.filter((a) => !reported.has(a.id)).map((a) => a.id);
    expect(expected).toContain(deleted.id);
    expect(missing.map((li) => attr(li, 'data-agency')).sort()).toEqual(expected.sort());
  });

  it('every number with a data-value is what GraphQL answers, the ranks and quartiles as a person computes them', async () => {
    const dom = parseDocument(await (await get(`/overviews/${YEAR}.html?region=${encodeURIComponent(region)}`)).text());
    const table = findOne((e) => e.name === 'table' && attr(e, 'class') === 'agencies', dom.children)!;
    const rows = findAll((e) => e.name === 'tr' && attr(e, 'data-agency') !== null, table.children);
    expect(rows.map((tr) => attr(tr, 'data-agency')).sort()).toEqual(scopeAgencies.map((a) => a.id).sort());
    const ranks = Object.fromEntries(FIGURES.map((f) => [f, ranksOf(scopeReports, f)]));
    let compared = 0;
    for (const row of rows) {
      const report = scopeReports.find((r) => r.agency.id === attr(row, 'data-agency'));
      for (const span of findAll((e) => e.name === 'span' && attr(e, 'data-field') !== null, row.children)) {
        const field = attr(span, 'data-field')!;
        const [figure, part] = field.split('.') as [string, string | undefined];
        const expected = part === 'rank' ? ranks[figure]!.get(report!.agency.id) ?? null : FIGURES.includes(figure as FigureKey) ? report!.figures[figure as FigureKey] : report![figure as 'failingChecks'];
        const shown = attr(span, 'data-value');
        expect(shown === null ? null : Number(shown), `${report!.agency.name} ${field}`).toBe(expected);
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(scopeReports.length * 8);

    const completion = scopeReports.map((r) => r.figures.completionRate).filter((v): v is number => v !== null);
    const spread = (key: string) => Number(attr(findOne((e) => attr(e, 'data-field') === `spread.${key}`, dom.children)!, 'data-value'));
    expect(spread('count')).toBe(completion.length);
    for (const [key, p] of [['p25', 0.25], ['median', 0.5], ['p75', 0.75]] as const) expect(spread(key)).toBeCloseTo(percentileInc(completion, p), 12);
    // The chart's table: every agency with a value, highest first, the exact value in data-value.
    const chart = findOne((e) => e.name === 'table' && attr(e, 'class') === 'chart-data', dom.children)!;
    const bars = findAll((e) => e.name === 'td', chart.children).map((td) => Number(attr(td, 'data-value')));
    expect(bars).toEqual([...completion].sort((a, b) => b - a));
  });

  it('the CSV parses back to one row per agency with the same numbers', async () => {
    const response = await get(`/overviews/${YEAR}.csv?region=${encodeURIComponent(region)}&measure=disclosureRate`);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const rows = parseCsv(await response.text(), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.agencyId).sort()).toEqual(scopeAgencies.map((a) => a.id).sort());
    const ranks = ranksOf(scopeReports, 'disclosureRate');
    const number = (text: string | undefined) => (text === '' || text === undefined ? null : Number(text));
    for (const row of rows) {
      const report = scopeReports.find((r) => r.agency.id === row.agencyId);
      expect(row.missing).toBe(report ? 'false' : 'true');
      if (!report) continue;
      for (const figure of FIGURES) expect(number(row[figure]), `${row.agency} ${figure}`).toBe(report.figures[figure]);
      expect(number(row['completionRate.rank'])).toBe(ranksOf(scopeReports, 'completionRate').get(report.agency.id) ?? null);
      expect(number(row['measure:disclosureRate'])).toBe(report.figures.disclosureRate);
      expect(number(row['measure:disclosureRate.rank'])).toBe(ranks.get(report.agency.id) ?? null);
      expect(number(row.failingChecks)).toBe(report.failingChecks);
    }
  });

  it('reads a scope larger than a page page after page, to the same list', async () => {
    const schema = await buildGatewaySchema();
    const build = (pageSize?: number) => buildOverview(schema, () => createContext(gateway.dataSource), { scope: { region }, year: YEAR, measure: 'completionRate', pageSize });
    const [whole, paged] = [await build(), await build(3)];
    expect(scopeAgencies.length).toBeGreaterThan(6);
    const summary = (o: Overview) => ({ rows: o.rows.map((r) => [r.agency.id, r.report?.id ?? null, r.measureValue, r.ranks.completionRank?.rank ?? null]), missing: o.missing.map((r) => r.agency.id), failing: o.failing.map((r) => r.agency.id) });
    expect(summary(paged)).toEqual(summary(whole));
    expect(whole.rows.map((r) => r.agency.id).sort()).toEqual(scopeAgencies.map((a) => a.id).sort());
  });

  it('a parent covers the agency and every agency under it', async () => {
    const parent = scopeAgencies.find((a) => a.parent === null && scopeAgencies.some((b) => b.parent?.id === a.id))!;
    const rows = parseCsv(await (await get(`/overviews/${YEAR}.csv?parent=${parent.id}`)).text(), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.agencyId).sort()).toEqual(scopeAgencies.filter((a) => a.id === parent.id || a.parent?.id === parent.id).map((a) => a.id).sort());
  });

  it('refuses a request without exactly one scope (400), an unknown parent and a region without agencies (404)', async () => {
    expect((await get(`/overviews/${YEAR}.html`)).status).toBe(400);
    expect((await get(`/overviews/${YEAR}.html?region=${encodeURIComponent(region)}&parent=1`)).status).toBe(400);
    expect((await get(`/overviews/${YEAR}.csv?parent=abc`)).status).toBe(400);
    const unknown = await get(`/overviews/${YEAR}.html?parent=999999`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { code: string }).code).toBe('NOT_FOUND');
    expect((await get(`/overviews/${YEAR}.html?region=${encodeURIComponent(region)}&measure=nosuch`)).status).toBe(400);
    // A misspelt region is not a scope where every report is in and passes its checks.
    const misspelt = await get(`/overviews/${YEAR}.html?region=${encodeURIComponent(`${region}省`)}`);
    expect([misspelt.status, ((await misspelt.json()) as { error: string }).error]).toEqual([404, expect.stringContaining(`no agency in the region ${region}省`)]);
  });

  it('answers 304 to the ETag while the data stays the same', async () => {
    const path = `/overviews/${YEAR}.csv?region=${encodeURIComponent(region)}`;
    const first = await get(path);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    expect((await fetch(`${gateway.url}${path}`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await get(`/overviews/${YEAR}.html`)).headers.get('cache-control')).toBe('no-store');
  });
});

describe('check family names', () => {
  it('every check family has its Chinese name', () => {
    expect(Object.keys(CHECK_FAMILY_ZH).sort()).toEqual(Object.keys(CHECK_FAMILIES).sort());
  });
});

describe('the charts in the page', () => {
  it('write no double quote inside an SVG style attribute (it would end the attribute)', () => {
    const html = barChart({ caption: '办结率', categoryHeading: '单位', categories: ['甲'], series: { name: '办结率', values: [0.5] }, format: String });
    const styles = [...html.matchAll(/style="([^"]*)"/g)].map((m) => m[1]!);
    expect(styles.length).toBeGreaterThan(0);
    for (const style of styles) expect(style).not.toMatch(/font-family:\s*$/);
    const svg = findOne((e) => e.name === 'text', parseDocument(html).children)!;
    expect(getAttributeValue(svg, 'style')).toContain("font-family:'Noto Sans CJK SC'");
  });
});
