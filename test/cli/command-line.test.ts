import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestBatch } from '../../src/entities/ingest-batch.entity';
import { REPORT_EXTENSIONS } from '../../src/ingest/collect-files';
import { SEEDS } from '../helpers/fixtures';
import { runCli } from '../helpers/run-cli';
import { cliDatabase, type CliDatabase } from '../helpers/test-databases';

const ROOT = join(__dirname, '..', '..');
const QUERY = join(ROOT, 'queries', 'all-cells.graphql');
/** 驻马店经济开发区管委会 2021 (test/fixtures/expected/001_e6ee48d9f5f3b505.json). */
const SAMPLE = join(SEEDS, '001_e6ee48d9f5f3b505.txt');

describe('no silent fallback: the command says what is wrong instead of answering empty', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['query', [QUERY]],
    ['export', []],
    ['versions', ['--agency', '驻马店经济开发区管委会', '--year', '2021']],
    ['batches', []],
    ['rollback', ['1']],
    ['correct', ['--report', '1', '--set', 't3/new/total=3', '--reason', 'x']],
    ['agencies import', [SAMPLE]],
  ])('%s refuses a SQLite file that is not there, and does not create it', (command, args) => {
    const missing = join(dir, 'nothere', 'x.sqlite');
    const run = runCli([...command.split(' '), ...args, '--db', missing]);
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
      status: 2,
      stdout: '',
      stderr: `nianbao: no database at ${missing}: \`nianbao ingest\` or \`nianbao serve\` creates one (choose it with --db or NIANBAO_DB)\n`,
    });
    expect(existsSync(join(dir, 'nothere'))).toBe(false);
  });

  it.each([
    ['query', [QUERY]],
    ['ingest', [SAMPLE]],
    ['serve', ['--port', '0']],
  ])('%s refuses a DATABASE_URL that is not PostgreSQL, naming its scheme and not its password', (command, args) => {
    const cwd = mkdtempSync(join(dir, 'mysql-'));
    const run = runCli([command, ...args], { DATABASE_URL: 'mysql://nianbao:s3cret@db.example:3306/reports' }, { cwd });
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
      status: 2,
      stdout: '',
      stderr: 'nianbao: DATABASE_URL: the scheme "mysql:" is not supported; use postgres:// or postgresql:// for PostgreSQL, or leave DATABASE_URL unset for a SQLite file\n',
    });
    // The default SQLite file (data/nianbao.sqlite) was not made instead.
    expect(existsSync(join(cwd, 'data'))).toBe(false);
  });
});

describe('no silent fallback, on the database of this run', () => {
  let database: CliDatabase;
  let dir: string;
  const cli = (...args: string[]) => runCli([...args, ...database.args], database.env);

  beforeAll(async () => {
    database = await cliDatabase();
    dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
  });
  afterAll(async () => {
    await database.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ingest of a folder without report files says so and exits 1, creating nothing', async () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    writeFileSync(join(empty, 'report.docx'), 'not a format ingest reads');
    const run = cli('ingest', empty);
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
      status: 1,
      stdout: '',
      stderr: `nianbao: no report files found in ${empty}: a folder gives its .txt .text .pdf .html .htm .md .markdown files\n`,
    });
    if (database.args.length > 0) expect(existsSync(database.args[1]!)).toBe(false);
    else {
      const dataSource = await database.open();
      expect(await dataSource.getRepository(IngestBatch).count()).toBe(0);
      await dataSource.destroy();
    }
  });

  it('export whose filters match no cell writes the header, says so on stderr and exits 1', () => {
    expect(cli('ingest', SAMPLE).status).toBe(0);
    const header = 'reportId,agency,year,table,row,column,address,value,raw,status,inferred,rule,line,page,boxX,boxY,boxWidth,boxHeight,versionId,corrected,correctionReason,valueBefore,statusBefore\n';
    expect(cli('export', '--agency', '不存在')).toEqual({ status: 1, stdout: header, stderr: 'nianbao: no cell matched: --agency 不存在\n' });
    expect(cli('export', '--format', 'ndjson', '--agency', '驻马店经济开发区管委会', '--years', '2023')).toEqual({ status: 1, stdout: '', stderr: 'nianbao: no cell matched: --agency 驻马店经济开发区管委会 --years 2023\n' });
    const found = cli('export', '--agency', '驻马店经济开发区管委会', '--tables', 't3');
    expect({ status: found.status, stderr: found.stderr }).toEqual({ status: 0, stderr: '' });
    // t3 of the 2021 template: 25 rows × 7 columns (natural persons, five kinds of legal person, total).
    expect(found.stdout.trim().split('\n')).toHaveLength(1 + 25 * 7);
  });
});

describe('the command line describes itself', () => {
  it('--version and -V print the version of package.json', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(runCli(['--version'])).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
    expect(runCli(['-V']).stdout).toBe(`${version}\n`);
  });

  it('ingest --help names the formats it reads and the extensions a folder gives', () => {
    const help = runCli(['ingest', '--help']).stdout.replace(/\s+/g, ' ');
    for (const format of ['text', 'PDF', 'HTML', 'Markdown']) expect(help).toContain(format);
    for (const extension of REPORT_EXTENSIONS) expect(help).toContain(` ${extension}`);
    expect(help).not.toContain('.txt reports');
  });

  it('serve --help states each default once', () => {
    const help = runCli(['serve', '--help']).stdout;
    // An option's entry runs from its line to the next option's, wrapped lines included.
    const entries = help.split(/\n(?= {2}-)/).filter((entry) => entry.trimStart().startsWith('--'));
    const entry = (option: string) => entries.find((e) => e.trimStart().startsWith(option))!.replace(/\s+/g, ' ');
    expect(entry('--port').match(/default/g)).toHaveLength(1);
    expect(entry('--host').match(/default/g)).toHaveLength(1);
    for (const e of entries) expect(e.match(/default/g)?.length ?? 0, e).toBeLessThanOrEqual(1);
  });
});
