import { parse as parseCsv } from 'csv-parse/sync';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../../src/documents/chromium';
import { hasPoppler, pdfPages, squeezed } from '../helpers/pdf-text';
import { HONGZE, HONGZE_PDFS } from '../helpers/profile-documents';
import { runCli } from '../helpers/run-cli';
import { cliDatabase, type CliDatabase } from '../helpers/test-databases';

// 洪泽区人民政府's 2024 report (test/fixtures/pdf/README.md): 95 applications received, all decided, and its
// text says 17 where t3 says 95, so one check (narrative) fails.
describe('nianbao overview', () => {
  let database: CliDatabase;
  let dir: string;
  const overview = (...args: string[]) => runCli(['overview', ...args, ...database.args], database.env, { timeoutMs: 60_000 });

  beforeAll(async () => {
    database = await cliDatabase();
    dir = mkdtempSync(join(tmpdir(), 'nianbao-overview-'));
    const ingest = runCli(['ingest', ...HONGZE_PDFS, ...database.args], database.env);
    expect(ingest.status, ingest.stderr).toBe(0);
  });
  afterAll(async () => {
    await database?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('needs exactly one of --region and --parent', () => {
    for (const args of [['--year', '2024'], ['--year', '2024', '--region', '江苏省', '--parent', HONGZE]]) {
      const run = overview(...args);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('give exactly one of --region <path> and --parent <agency>');
      expect(run.stdout).toBe('');
    }
    const unknown = overview('--year', '2024', '--parent', '没有这个单位');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('no agency named 没有这个单位');
  });

  it('writes the list of an agency by name as HTML and CSV', () => {
    const html = overview('--parent', HONGZE, '--year', '2024');
    expect(html.status, html.stderr).toBe(0);
    expect(html.stdout).toMatch(/^<!doctype html>/);
    expect(html.stdout).toContain(`主管部门对标清单：${HONGZE}及其下属单位 2024年度`);
    expect(html.stdout).toContain('data-field="applicationsReceived" data-value="95"');
    expect(html.stdout).toContain('data-family="narrative"');
    const out = join(dir, 'overview.csv');
    const csv = overview('--parent', HONGZE, '--year', '2024', '--format', 'csv', '--out', out);
    expect(csv.status, csv.stderr).toBe(0);
    const rows = parseCsv(readFileSync(out, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ agency: HONGZE, year: '2024', missing: 'false', applicationsReceived: '95', completionRate: '1', 'completionRate.rank': '1', failingChecks: '1' });
    // 2022: the agency is in scope and has no report.
    const missing = parseCsv(overview('--parent', HONGZE, '--year', '2022', '--format', 'csv').stdout, { columns: true }) as Record<string, string>[];
    expect(missing).toMatchObject([{ agency: HONGZE, missing: 'true', applicationsReceived: '' }]);
  });

  it.skipIf(!hasChromium() || !hasPoppler())('prints the list as a PDF holding the agency, the year and its figures', () => {
    const out = join(dir, 'overview.pdf');
    const run = overview('--parent', HONGZE, '--year', '2024', '--format', 'pdf', '--out', out);
    expect(run.status, run.stderr).toBe(0);
    const text = squeezed(pdfPages(readFileSync(out)).join('\n'));
    for (const expected of [HONGZE, '2024年度', '主管部门对标清单', '62.1%', '100.0%']) expect(text).toContain(squeezed(expected));
  });
});
