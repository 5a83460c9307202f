import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS } from '../helpers/fixtures';
import { ndjson, runCli } from '../helpers/run-cli';
import { tempSqlitePath, type TempSqlite } from '../helpers/temp-database';

const QUERIES = join(__dirname, '..', '..', 'queries');

describe('nianbao query and nianbao export filters, on the samples', () => {
  let tmp: TempSqlite;
  const query = (...args: string[]) => runCli(['query', ...args, '--db', tmp.path]);
  beforeAll(() => {
    tmp = tempSqlitePath();
    expect(runCli(['ingest', SEEDS, '--db', tmp.path]).status).toBe(0);
  });
  afterAll(() => tmp.cleanup());

  it('CSV, NDJSON and JSON of the same document agree; Unicode intact; BOM on request', () => {
    const doc = join(QUERIES, 'report-tables.graphql');
    const vars = ['--var', 'agencyName=驻马店经济开发区管委会', '--var', 'year=2021'];
    const csv = query(doc, ...vars, '--format', 'csv');
    const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    const lines = ndjson<Record<string, unknown>>(query(doc, ...vars, '--format', 'ndjson').stdout);
    const json = JSON.parse(query(doc, ...vars, '--format', 'json').stdout) as { data: { report: { tables: { rows: { cells: unknown[] }[] }[] } } };
    expect(rows).toHaveLength(200);
    expect(lines).toHaveLength(200);
    expect(json.data.report.tables.flatMap((t) => t.rows.flatMap((r) => r.cells))).toHaveLength(200);
    expect(rows.map((r) => Object.values(r))).toEqual(lines.map((l) => Object.values(l).map((v) => (v === null ? '' : String(v)))));
    const fee = lines.find((l) => l['report.tables.rows.code'] === 'fees')!;
    expect(fee).toMatchObject({ 'report.title': '驻马店经济开发区管委会2021年政府信息公开工作年度报告', 'report.tables.rows.label': '行政事业性收费', 'report.tables.rows.cells.raw': '1165.5066', 'report.tables.rows.cells.value': 1165.5066 });
    const withBom = query(doc, ...vars, '--format', 'csv', '--bom');
    expect(withBom.stdout.startsWith('\uFEFFreport.id,')).toBe(true);
  });

  it('variables from a file and flags, the operation chosen, output to a file', () => {
    const doc = join(tmp.dir, 'two.graphql');
    writeFileSync(doc, 'query Count($years: [Int!]) { reports(filter: { years: $years }) { totalCount } }\nquery Names { agencies(first: 3) { edges { node { name } } } }\n');
    const vars = join(tmp.dir, 'vars.json');
    writeFileSync(vars, JSON.stringify({ years: [2021] }));
    expect(JSON.parse(query(doc, '--operation', 'Count', '--variables', vars).stdout)).toEqual({ data: { reports: { totalCount: 1 } } });
    expect(JSON.parse(query(doc, '--operation', 'Count', '--variables', vars, '--var', 'years=[2023]').stdout)).toEqual({ data: { reports: { totalCount: 4 } } });
    const out = join(tmp.dir, 'names.csv');
    expect(query(doc, '--operation', 'Names', '--format', 'csv', '--out', out).status).toBe(0);
    expect(require('node:fs').readFileSync(out, 'utf8')).toBe('agencies.name\n新绛县招商投资促进中心\n经济技术开发区管理办公室\n驻马店经济开发区招商局\n');
  });

  it('--all-pages follows $after: every page, once', () => {
    const rows = ndjson<Record<string, unknown>>(query(join(QUERIES, 'all-cells.graphql'), '--all-pages', '--format', 'ndjson').stdout);
    expect(rows).toHaveLength(1000);
    expect(new Set(rows.map((r) => `${r['reports.id']}/${r['reports.cells.address']}`)).size).toBe(1000);
    expect(query(join(QUERIES, 'report-tables.graphql'), '--all-pages', '--format', 'csv').stderr).toBe('nianbao: --all-pages needs the operation to take $after: String and pass it to the connection\n');
  });

  it.each([
    [['nope.graphql'], /^nianbao: nope\.graphql: ENOENT/],
    [['{bad}'], /Cannot query field "bad" on type "Query"/],
    [['report-tables', '--var', 'colour=red'], /variable "colour" is not declared by the operation \(declared: \$agencyName, \$year\)/],
    [['report-tables', '--var', 'year=soon'], /Variable "\$year" got invalid value "soon"; Int cannot represent non-integer value: "soon"/],
  ])('%j fails with a clear message and exit 1', (args, message) => {
    const [first, ...rest] = args as string[];
    let file = first!;
    if (first === '{bad}') writeFileSync((file = join(tmp.dir, 'bad.graphql')), '{ bad }');
    if (first === 'report-tables') file = join(QUERIES, 'report-tables.graphql');
    const run = query(file, ...rest);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it('export filters: years, agencies, tables', () => {
    const cells = (...args: string[]) => ndjson<{ agency: string; year: number; table: string }>(runCli(['export', '--format', 'ndjson', '--db', tmp.path, ...args]).stdout);
    expect(cells('--years', '2021-2022')).toHaveLength(200);
    expect(cells('--years', '2021,2023', '--tables', 't4')).toHaveLength(5 * 15);
    const two = cells('--agency', '驻马店经济开发区统计局', '--agency', '新绛县招商投资促进中心', '--tables', 't2,t4');
    expect(two).toHaveLength(2 * 25);
    expect(new Set(two.map((c) => c.table))).toEqual(new Set(['t2', 't4']));
    expect(runCli(['export', '--tables', 't9', '--db', tmp.path]).stderr).toContain('unknown table(s) t9: the tables are t2, t3, t4');
  });
});
