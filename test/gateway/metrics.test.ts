import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIGURE_NAMES } from '../../src/figures/figure-definitions';
import { METRICS_VERSION } from '../../src/figures/metric-dictionary';
import { ALL_CELL_ADDRESSES } from '../../src/template/tables.template';
import { FIXTURES, SEEDS, sampleText } from '../helpers/fixtures';
import { startTestGateway, twoYearAgencies, type ReportSource, type TestGateway } from '../helpers/gateway';
import { runCli } from '../helpers/run-cli';

type Errors = { message: string; extensions?: Record<string, unknown> }[];
interface Term {
  address: string;
  coefficient: number;
}
interface MetricAnswer {
  key: string;
  kind: string;
  nameZh: string;
  unit: string;
  formula: string;
  generations: string[];
  caveats: string[];
  numerator: Term[];
  denominator: Term[] | null;
  variants: { generation: string; basis: string; formula: string }[];
}

const METRIC_FIELDS = 'key kind nameZh unit formula generations caveats numerator { address coefficient } denominator { address coefficient } variants { generation basis formula }';
/** 洪泽区 2023 and 2024 as `npm start` loads them: t3/new/total 21 and 95, as a person read the PDFs (test/fixtures/pdf/expected). */
const HONGZE = [2023, 2024].map((year) => ({ file: join(FIXTURES, 'pdf', `hongze-${year}.pdf`) }));
/** Sample 004 (2023) with （七）总计 printed as "/": its completion rate has no denominator to read. */
const NA_TOTAL: ReportSource = {
  text: sampleText('004_bf4f29cfa6729ec5.txt').replace('(七) 总计\t\t2\t0\t0\t0\t0\t0\t2\t', '(七) 总计\t\t2\t0\t0\t0\t0\t0\t/\t'),
  agencyName: '测试机关甲',
};

describe('the metric dictionary, Measure arguments and trends over HTTP', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway([...HONGZE, NA_TOTAL]);
  });
  afterAll(() => gateway.stop());

  const ask = async <T>(query: string, variables?: Record<string, unknown>) => {
    gateway.counter.count = 0;
    const { status, body } = await gateway.graphql<T>(query, variables);
    return { status, data: body.data, errors: body.errors as Errors | undefined, statements: gateway.counter.count };
  };

  it('metrics lists every figure and every template cell, with the version; metric(key) gives one', async () => {
    const { data, errors } = await ask<{ metrics: MetricAnswer[]; figures: { key: string }[]; metricsVersion: string; metric: MetricAnswer }>(
      `{ metrics { ${METRIC_FIELDS} } figures: metrics(kind: FIGURE) { key } metricsVersion metric(key: "t2/fees/amount") { ${METRIC_FIELDS} } }`,
    );
    expect(errors).toBeUndefined();
    expect(data!.metrics).toHaveLength(FIGURE_NAMES.length + ALL_CELL_ADDRESSES.size);
    expect(data!.figures.map((f) => f.key)).toEqual([...FIGURE_NAMES]);
    expect(data!.metricsVersion).toBe(METRICS_VERSION);
    const byKey = new Map(data!.metrics.map((m) => [m.key, m]));
    expect(byKey.get('completionRate')).toMatchObject({
      kind: 'FIGURE',
      nameZh: '办结率',
      unit: 'ratio',
      formula: 't3/resultsTotal/total ÷ (t3/new/total + t3/carriedOver/total)',
      numerator: [{ address: 't3/resultsTotal/total', coefficient: 1 }],
      denominator: [
        { address: 't3/new/total', coefficient: 1 },
        { address: 't3/carriedOver/total', coefficient: 1 },
      ],
    });
    expect(byKey.get('reviewCorrectionRate')!.variants).toContainEqual({ generation: 'G2', basis: 'DECIDED', formula: 't4/review/corrected ÷ (t4/review/total − t4/review/pending)' });
    expect(byKey.get('t3/new/total')).toMatchObject({ kind: 'CELL', nameZh: '一、本年新收政府信息公开申请数量：总计', unit: '件', generations: ['G3', 'G2'], denominator: null });
    expect(data!.metric).toMatchObject({ key: 't2/fees/amount', nameZh: '行政事业性收费：本年收费金额（单位：万元）', unit: '万元', generations: ['G3'] });
  });

  it('a measure that is no key, written in the query, is refused at validation naming the nearest keys; nothing runs', async () => {
    const documents = [
      '{ aggregate(measures: ["t3/new/total", "complitionRate"]) { count } }',
      '{ rank(measure: "complitionRate") { rank } }',
      '{ metric(key: "complitionRate") { key } }',
      '{ agencies { edges { node { trend(measure: "complitionRate") { value } } } } }',
      '{ reports { edges { node { yearOverYear(measure: "complitionRate") { current } } } } }',
    ];
    for (const document of documents) {
      const { status, errors, statements } = await ask(document);
      expect({ document, status, statements, codes: errors?.map((e) => e.extensions?.code) }).toEqual({ document, status: 400, statements: 0, codes: ['GRAPHQL_VALIDATION_FAILED'] });
      expect(errors![0]!.message).toMatch(/^Measure: "complitionRate" is not a figure name \(completionRate\) or a template cell address \(t3\/new\/total\); nearest: completionRate, /);
    }
  });

  it('a measure that is no key, in a variable, is refused with BAD_USER_INPUT and the same message', async () => {
    const { status, errors, statements } = await ask('query($m: Measure!) { rank(measure: $m) { rank } }', { m: 't3/new/totl' });
    expect({ status, statements, code: errors?.[0]?.extensions?.code }).toEqual({ status: 400, statements: 0, code: 'BAD_USER_INPUT' });
    expect(errors![0]!.message).toContain('"t3/new/totl" is not a figure name (completionRate) or a template cell address (t3/new/total); nearest: t3/new/total, ');
    const listed = await ask('query($m: [Measure!]!) { aggregate(measures: $m) { count } }', { m: ['completionRate', 'disclosureRat'] });
    expect(listed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(listed.errors![0]!.message).toContain('nearest: disclosureRate');
  });

  it('a huge measure is refused by its length, without comparing it with every key', async () => {
    const huge = 'x'.repeat(200_000);
    const started = performance.now();
    const literal = await ask(`{ rank(measure: "${huge}") { rank } }`);
    const variable = await ask('query($m: Measure!) { metric(key: $m) { key } }', { m: huge });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect({ code: literal.errors?.[0]?.extensions?.code, message: literal.errors?.[0]?.message, statements: literal.statements }).toEqual({
      code: 'GRAPHQL_VALIDATION_FAILED',
      message: 'Measure: a measure is at most 100 characters, got 200000',
      statements: 0,
    });
    expect(variable.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(variable.errors![0]!.message).toContain('a measure is at most 100 characters, got 200000');
  });

  it('trend: one point a year, oldest first, 洪泽区 t3/new/total 21 → 95; a year without a report, and a report without the value, say why', async () => {
    type Point = { year: number; value: number | null; reason: string | null };
    const { data, errors } = await ask<{ hongze: { all: Point[]; asked: Point[] }; other: { trend: Point[] } }>(`{
      hongze: agency(name: "洪泽区人民政府") {
        all: trend(measure: "t3/new/total") { year value reason }
        asked: trend(measure: "t3/new/total", years: [2024, 2021, 2023]) { year value reason }
      }
      other: agency(name: "测试机关甲") { trend(measure: "completionRate") { year value reason } }
    }`);
    expect(errors).toBeUndefined();
    expect(data!.hongze.all).toEqual([
      { year: 2023, value: 21, reason: null },
      { year: 2024, value: 95, reason: null },
    ]);
    expect(data!.hongze.asked).toEqual([
      { year: 2024, value: 95, reason: null },
      { year: 2021, value: null, reason: 'no report for 2021' },
      { year: 2023, value: 21, reason: null },
    ]);
    expect(data!.other.trend).toEqual([{ year: 2023, value: null, reason: 'input missing: t3/resultsTotal/total is NA' }]);
  });

  it('trend(years) holds at most 50 years', async () => {
    const years = Array.from({ length: 51 }, (_, i) => 1990 + i);
    const { errors, statements } = await ask('query($y: [Int!]) { agencies { edges { node { trend(measure: "t3/new/total", years: $y) { value } } } } }', { y: years });
    expect({ code: errors?.[0]?.extensions?.code, message: errors?.[0]?.message, statements }).toEqual({ code: 'BAD_USER_INPUT', message: 'trend(years): at most 50 items, got 51', statements: 0 });
  });
});

describe('a page of agencies\' trends costs the same statements however many agencies it holds', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    // 12 agencies with a 2021 and a 2022 report each.
    gateway = await startTestGateway(twoYearAgencies(12));
  });
  afterAll(() => gateway.stop());

  async function statementsFor(first: number): Promise<number> {
    gateway.counter.count = 0;
    const { body } = await gateway.graphql<{ agencies: { edges: { node: { trend: { year: number; value: number | null }[] } }[] } }>(
      'query($first: Int) { agencies(first: $first) { edges { node { name trend(measure: "completionRate", years: [2020, 2021, 2022]) { year value reason } } } } }',
      { first },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.agencies.edges).toHaveLength(first);
    // Sample 001 (2021): 5 decided of 6 new and 0 carried over.
    expect(body.data!.agencies.edges[0]!.node.trend.slice(0, 2)).toEqual([
      { year: 2020, value: null, reason: 'no report for 2020' },
      { year: 2021, value: 5 / 6, reason: null },
    ]);
    return gateway.counter.count;
  }

  it('agencies(first: 2) and agencies(first: 12)', async () => {
    const two = await statementsFor(2);
    const twelve = await statementsFor(12);
    expect(twelve).toBe(two);
    // The page of agencies, their reports, and for the reports their cells, sections, previous years and those years' cross-year cells.
    expect(two).toBe(6);
  });
});

describe('nianbao metrics', () => {
  it('--format csv parses back: every measure, the version in each row, lists joined by |', () => {
    const run = runCli(['metrics', '--format', 'csv']);
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    const rows = parse(run.stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(FIGURE_NAMES.length + ALL_CELL_ADDRESSES.size);
    expect(new Set(rows.map((row) => row.version))).toEqual(new Set([METRICS_VERSION]));
    const byKey = new Map(rows.map((row) => [row.key, row]));
    expect(byKey.get('organizationShare')).toMatchObject({ kind: 'FIGURE', unit: 'ratio', isRate: 'true', numerator: 't3/new/total − t3/new/naturalPerson', denominator: 't3/new/total', generations: 'G3|G2' });
    expect(byKey.get('t2/fees/amount')).toMatchObject({ kind: 'CELL', unit: '万元', nameZh: '行政事业性收费：本年收费金额（单位：万元）', generations: 'G3' });
    expect(byKey.get('disputeRate')!.caveats!.split('|').some((caveat) => caveat.includes('may exceed 1'))).toBe(true);
  });

  it('text by default, the version first; json with the version; --kind', () => {
    const text = runCli(['metrics']);
    expect(text.stdout.split('\n')[0]).toBe(`metrics version ${METRICS_VERSION}: ${FIGURE_NAMES.length + ALL_CELL_ADDRESSES.size} measures`);
    expect(text.stdout).toMatch(/^completionRate +ratio +G3\+G2 +办结率 +t3\/resultsTotal\/total ÷ \(t3\/new\/total \+ t3\/carriedOver\/total\)$/m);
    const json = JSON.parse(runCli(['metrics', '--format', 'json', '--kind', 'figure']).stdout) as { version: string; metrics: { key: string }[] };
    expect(json.version).toBe(METRICS_VERSION);
    expect(json.metrics.map((m) => m.key)).toEqual([...FIGURE_NAMES]);
    const refused = runCli(['metrics', '--format', 'xml']);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('choose one of text, csv, json');
  });
});
