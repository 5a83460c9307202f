import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS } from '../helpers/fixtures';
import { ndjson, runCli, type CliRun } from '../helpers/run-cli';
import { cliDatabase, type CliDatabase } from '../helpers/test-databases';

const SAMPLE = join(SEEDS, '004_bf4f29cfa6729ec5.txt');
const AGENCY = '经济技术开发区管理办公室';

interface Exported {
  reportId: number | null;
  agency: string;
  address: string;
  value: number | null;
  status: string;
  versionId: number;
  corrected: boolean;
  correctionReason: string | null;
  valueBefore: number | null;
}

describe('versions, corrections, batches and rollback through the `nianbao` command', () => {
  let database: CliDatabase;
  let dir: string;
  const cli = (...args: string[]): CliRun => runCli([...args, ...database.args], database.env);
  const exportCsv = () => {
    const run = cli('export');
    expect(run.status).toBe(0);
    return run.stdout;
  };

  beforeAll(async () => {
    database = await cliDatabase();
    dir = mkdtempSync(join(tmpdir(), 'nianbao-history-'));
    // What a user does to truncate a report: head -40.
    writeFileSync(join(dir, 'trunc.txt'), readFileSync(SAMPLE, 'utf8').split('\n').slice(0, 40).join('\n') + '\n');
  });

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await database?.cleanup();
  });

  it('a truncated file is kept as a version, the complete report stays current, exit 1; --replace uses it; rollback undoes that', () => {
    expect(cli('ingest', SAMPLE, '--by', 'loader').status).toBe(0);
    const complete = exportCsv();
    expect(complete.trim().split('\n')).toHaveLength(201);

    const truncated = cli('ingest', join(dir, 'trunc.txt'));
    expect(truncated.status).toBe(1);
    expect(truncated.stdout).toContain(`kept current ${join(dir, 'trunc.txt')}: new reading has 6 of 200 cells (current 200), 2 of 6 parts (current 6); --replace to use it`);
    expect(truncated.stdout).toContain('1 file(s): 0 stored, 0 replaced, 0 unchanged, 1 kept, 0 refused');
    expect(exportCsv()).toBe(complete);
    // The same short file again is the same kept version, not another one.
    const twice = cli('ingest', join(dir, 'trunc.txt'));
    expect([twice.status, /\(version (\d+), report 1\)/.exec(twice.stdout)?.[1]]).toEqual([1, /\(version (\d+), report 1\)/.exec(truncated.stdout)?.[1]]);

    const again = cli('ingest', SAMPLE);
    expect([again.status, again.stdout.split(' ')[0]]).toEqual([0, 'unchanged']);

    const replaced = cli('ingest', join(dir, 'trunc.txt'), '--replace');
    expect(replaced.status).toBe(0);
    expect(replaced.stdout).toMatch(/^replaced /);
    const missing = ndjson<Exported>(cli('export', '--format', 'ndjson').stdout).filter((r) => r.status === 'MISSING');
    expect(missing).toHaveLength(194);

    const batches = cli('batches');
    expect(batches.status).toBe(0);
    const batch = /^batch (\d+) INGEST .*: 1 replaced;/m.exec(batches.stdout)![1]!;
    expect(batches.stdout).toMatch(/^batch \d+ INGEST .* by loader: 1 stored; /m);
    const rollback = cli('rollback', batch);
    expect([rollback.status, rollback.stdout]).toEqual([0, `rolled back batch ${batch}: what was current before it is current again\n`]);
    expect(exportCsv()).toBe(complete);
    expect(cli('rollback', batch).stderr).toMatch(new RegExp(`batch ${batch} was rolled back at \\S+ by `));

    const versions = cli('versions', '--agency', AGENCY, '--year', '2023');
    expect(versions.status).toBe(0);
    const rows = versions.stdout.trim().split('\n').slice(1);
    expect(rows.map((row) => row.trim().split(/\s+/).slice(0, 3))).toEqual([
      ['3', 'REPARSED', expect.any(String)],
      ['2', 'REPARSED', expect.any(String)],
      ['*', '1', 'PARSED'],
    ]);
    expect(rows[0]).toContain('6/200 cells');
    expect(rows[2]).toContain('200/200 cells');
  });

  it('nianbao correct sets a cell with its reason; the export shows it; a bad request stores nothing', () => {
    const before = exportCsv();
    const bad = [
      cli('correct', '--report', '1', '--set', 't3/nothing/total=3', '--reason', 'x'),
      cli('correct', '--report', '1', '--set', 't3/new/total=-3', '--reason', 'x'),
      cli('correct', '--report', '1', '--set', 't3/new/total=3', '--reason', '   '),
      cli('correct', '--report', '77', '--set', 't3/new/total=3', '--reason', 'x'),
      cli('correct', '--report', '1', '--set', 't3/new/total=three', '--reason', 'x'),
      cli('correct', '--report', '1', '--set', 't3/new/total=9007199254740993', '--reason', 'x'),
      cli('correct', '--report', '1', '--set', 't3/new/total=3', '--reason', 'x'.repeat(2001)),
    ];
    expect(bad.map((run) => run.status)).toEqual([2, 2, 2, 2, 1, 2, 2]);
    expect(bad.map((run) => run.stderr.split('\n')[0])).toEqual([
      'nianbao: correctCells(cells[0]): "t3/nothing/total" is not a cell of report 1; addresses look like t3/new/total',
      'nianbao: correctCells(cells[0]): t3/new/total cannot hold -3: a cell holds a number from 0 to 9007199254740991',
      'nianbao: correctCells(reason): must not be empty; it is kept with the change',
      'nianbao: correctCells(reportId): there is no report 77',
      `error: option '--set <address=value>' argument 't3/new/total=three' is invalid. "t3/new/total=three": the value must be a number, or BLANK, NA or MISSING`,
      'nianbao: correctCells(cells[0]): t3/new/total cannot hold 9007199254740992: a cell holds a number from 0 to 9007199254740991',
      'nianbao: correctCells(reason): at most 2,000 characters, got 2,001',
    ]);
    expect(exportCsv()).toBe(before);

    const run = cli('correct', '--report', '1', '--set', 't3/new/total=3', '--set', 't3/new/commercial=NA', '--set', 't2/fees/amount=1.25', '--reason', 'the filed form says 3', '--by', 'reviewer');
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('corrected report 1: version 4 (CORRECTED) is current\n  t2/fees/amount: 0 → 1.25\n  t3/new/commercial: 0 → NA\n  t3/new/total: 2 → 3\n');
    const records = ndjson<Exported>(cli('export', '--format', 'ndjson').stdout);
    const total = records.find((r) => r.address === 't3/new/total')!;
    expect(total).toMatchObject({ value: 3, status: 'NUMBER', versionId: 4, corrected: true, correctionReason: 'the filed form says 3', valueBefore: 2 });
    expect(records.filter((r) => r.corrected).map((r) => r.address)).toEqual(['t2/fees/amount', 't3/new/commercial', 't3/new/total']);
    expect(records.every((r) => r.versionId === 4)).toBe(true);

    const all = ndjson<Exported>(cli('export', '--format', 'ndjson', '--versions', 'all', '--tables', 't3').stdout);
    expect([...new Set(all.map((r) => r.versionId))]).toEqual([1, 2, 3, 4]);
    expect(new Set(all.map((r) => `${r.reportId} ${r.agency}`))).toEqual(new Set([`1 ${AGENCY}`]));
    expect(all.filter((r) => r.address === 't3/new/total').map((r) => [r.versionId, r.value, r.status])).toEqual([[1, 2, 'NUMBER'], [2, null, 'MISSING'], [3, null, 'MISSING'], [4, 3, 'NUMBER']]);
    expect(cli('export', '--versions', 'some').stderr).toContain("option '--versions <which>' argument 'some' is invalid. choose one of current, all");
  });
});
