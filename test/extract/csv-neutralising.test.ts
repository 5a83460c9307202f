import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvOptions, neutraliseCsvText } from '../../src/services/csv-output';
import { FIXTURES } from '../helpers/fixtures';
import { FORMULA_NAME, formulaTitledReport } from '../helpers/formula-report';
import { ndjson, runCli } from '../helpers/run-cli';
import { cliDatabase, type CliDatabase } from '../helpers/test-databases';

const QUERIES = join(__dirname, '..', '..', 'queries');

describe('CSV fields a spreadsheet would run as formulas', () => {
  it('text starting with = + - @, a tab or a carriage return gets a quote in front; numbers and other text stay', () => {
    for (const text of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1']) expect(neutraliseCsvText(text)).toBe(`'${text}`);
    for (const text of ['', '1', 'a=b', ' =1', '招商局', "'=1"]) expect(neutraliseCsvText(text)).toBe(text);
    const options = csvOptions(['number', 'text', 'list', 'numbers', 'flag', 'none']);
    expect(stringify([[-1, '-1', ['=A1', 'b'], [-2, 3], true, null]], options)).toBe("number,text,list,numbers,flag,none\n-1,'-1,'=A1|b,'-2|3,true,\n");
  });
});

describe('nianbao export and nianbao query write a formula-titled report safely, on the database of the run', () => {
  let database: CliDatabase;
  let dir: string;
  const cli = (...args: string[]) => runCli([...args, ...database.args], database.env);
  beforeAll(async () => {
    database = await cliDatabase();
    dir = mkdtempSync(join(tmpdir(), 'nianbao-formula-'));
    writeFileSync(join(dir, 'formula.txt'), formulaTitledReport());
    const ingest = cli('ingest', join(dir, 'formula.txt'), join(FIXTURES, 'g2', '2020-g2-finance.txt'));
    expect(ingest.stderr).toBe('');
    expect(ingest.status).toBe(0);
  }, 60_000);
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await database.cleanup();
  });

  it('export --format csv quotes the name; its numbers stay numbers; NDJSON keeps the name as stored', () => {
    const rows = parse(cli('export', '--format', 'csv').stdout, { columns: true }) as Record<string, string>[];
    expect(rows.filter((r) => r.agency === `'${FORMULA_NAME}`)).toHaveLength(200);
    // 2020-g2-finance.txt prints 行政许可 本年增/减 as -1 (test/fixtures/g2/2020-g2-finance.json).
    expect(rows.find((r) => r.address === 't2/licensing/change')).toMatchObject({ value: '-1', raw: "'-1" });
    const records = ndjson<Record<string, unknown>>(cli('export', '--format', 'ndjson').stdout);
    expect(records.filter((r) => r.agency === FORMULA_NAME)).toHaveLength(200);
    expect(records.find((r) => r.address === 't2/licensing/change')).toMatchObject({ value: -1, raw: '-1' });
  });

  it('query --format csv quotes the name too; --all-pages JSON of one report a page holds both reports', () => {
    const document = join(QUERIES, 'all-cells.graphql');
    const rows = parse(cli('query', document, '--format', 'csv', '--all-pages').stdout, { columns: true }) as Record<string, string>[];
    expect(new Set(rows.map((r) => r['reports.agency.name']))).toEqual(new Set([`'${FORMULA_NAME}`, '驻马店经济开发区财政局']));
    const paged = cli('query', document, '--all-pages', '--var', 'first=1');
    expect(paged.stderr).toBe('');
    const json = JSON.parse(paged.stdout) as { data: { reports: { edges: { node: { agency: { name: string }; cells: unknown[] } }[]; pageInfo: { hasNextPage: boolean } } } };
    expect(json.data.reports.edges.map((e) => [e.node.agency.name, e.node.cells.length])).toEqual([
      [FORMULA_NAME, 200],
      ['驻马店经济开发区财政局', 198],
    ]);
    expect(json.data.reports.pageInfo.hasNextPage).toBe(false);
  });
});
