import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAsNpmStart } from '../helpers/npm-start';
import { helpOptions, NOT_RUN, readmeCommands, ROOT, synopsisOptions, type ReadmeCommand } from '../helpers/readme-commands';
import { runCli } from '../helpers/run-cli';
import type { ServeProcess } from '../helpers/serve-process';

/*
 * Every command in README.md's fenced shell blocks (```sh, ```bash, ```shell) runs here, so the
 * documentation cannot drift. The rules an example is written by (test/helpers/readme-commands.ts):
 * - A line ending in `\` goes on on the next line.
 * - A trailing `   # text` says what the command prints (its stdout contains text); `# exit N: text` also
 *   says it exits N, otherwise it exits 0. Nothing may go to stderr.
 * - `npx nianbao`, `nianbao` and `node bin/nianbao.js` run the built CLI.
 * - `http://127.0.0.1:4000` (or localhost) is a gateway started as `npm start` starts it (package.json's
 *   start script: its options and --load files, a free port).
 * - The blocks run in order in one scratch folder standing for the repository root (`test/` and `queries/`
 *   linked from it; DATABASE_URL and NIANBAO_DB unset), whose default database `data/nianbao.sqlite` is
 *   the one that gateway serves; then all once more in the same folder, with the same results.
 * - A synopsis (a line with a `<placeholder>` or `[--option]`) is not run: the options it names must be
 *   exactly those `nianbao <command> --help` lists.
 * - Not run, by rule (NOT_RUN): a line using `npm ci`, `npm test` or `apt-get`.
 */

let scratch: string;
let gateway: ServeProcess;
/** The commands with the gateway's address, known once it listens (`listed` below names the tests before that). */
let commands: ReadmeCommand[] = [];

function run(example: ReadmeCommand): void {
  const result = spawnSync('bash', ['-c', example.command], {
    cwd: scratch,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', NIANBAO_DB: '', DATABASE_REPLICA_URLS: '' },
    maxBuffer: 64 * 1024 * 1024,
  });
  expect({ example: `${example.at} ${example.written}`, status: result.status, stderr: result.stderr }).toEqual({ example: `${example.at} ${example.written}`, status: example.exit, stderr: '' });
  if (example.prints) expect(result.stdout, `${example.at} ${example.written}`).toContain(example.prints);
}

const listed = readmeCommands('http://127.0.0.1:4000');

describe("README.md's command examples, run as written", () => {
  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'nianbao-readme-'));
    for (const linked of ['test', 'queries']) symlinkSync(join(ROOT, linked), join(scratch, linked));
    mkdirSync(join(scratch, 'data'));
    gateway = await startAsNpmStart(join(scratch, 'data', 'nianbao.sqlite'));
    commands = readmeCommands(gateway.url);
  });
  afterAll(async () => {
    await gateway?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('finds the examples: a synopsis, commands to run, and only the listed ones left out', () => {
    expect(listed.filter((c) => c.kind === 'synopsis').length).toBeGreaterThanOrEqual(10);
    expect(listed.filter((c) => c.kind === 'run').length).toBeGreaterThanOrEqual(10);
    for (const skipped of listed.filter((c) => c.kind === 'skip')) expect(NOT_RUN.some((rule) => rule.pattern.test(skipped.written))).toBe(true);
  });

  for (const [index, example] of listed.entries()) {
    const title = `${example.at} ${example.written}`;
    if (example.kind === 'skip') it.skip(`${title} (not run: ${example.skipReason})`, () => undefined);
    else if (example.kind === 'synopsis') {
      it(`${title} names exactly the options of \`nianbao ${example.command} --help\``, () => {
        const help = runCli([...example.command.split(' '), '--help']);
        expect(help.status, title).toBe(0);
        expect({ example: title, options: synopsisOptions(example.written) }).toEqual({ example: title, options: helpOptions(help.stdout) });
      });
    } else it(title, () => run(commands[index]!));
  }

  it('the history walk-through leaves the corrected version current, and its export holds the t3 cells of all four versions', () => {
    const rows = parse(readFileSync(join(scratch, 't3-all-versions.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    // Versions: 1 the sample (t3/new/total 2), 2 the 40-line truncation (MISSING), 3 the correction to 3, 4 the truncation made current; rolled back to 3.
    expect(rows.filter((row) => row.address === 't3/new/total').map((row) => [row.versionId, row.value, row.status, row.corrected])).toEqual([
      ['1', '2', 'NUMBER', 'false'],
      ['2', '', 'MISSING', 'false'],
      ['3', '3', 'NUMBER', 'true'],
      ['4', '', 'MISSING', 'false'],
    ]);
    const current = runCli(['export', '--tables', 't3', '--db', join(scratch, 'history.sqlite')]);
    const total = (parse(current.stdout, { columns: true }) as Record<string, string>[]).find((row) => row.address === 't3/new/total')!;
    expect([total.versionId, total.value, total.corrected, total.correctionReason]).toEqual(['3', '3', 'true', 'the filed form says 3']);
  });

  it("the cron example's curl saved every cell of the 2023 reports, and its query the figures with a BOM", () => {
    const cells = parse(readFileSync(join(scratch, 'cells-2023.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    // npm start loads four 2023 samples (000, 002, 003, 004) and 洪泽区's 2023 PDF: five G3 reports of 200 cells.
    expect(cells).toHaveLength(5 * 200);
    expect(new Set(cells.map((row) => row['reports.year']))).toEqual(new Set(['2023']));
    const figures = readFileSync(join(scratch, 'figures.csv'), 'utf8');
    expect(figures.startsWith('\uFEFF')).toBe(true);
    // Seven reports loaded, one row each.
    expect(parse(figures, { columns: true, bom: true })).toHaveLength(7);
  });

  describe('run again in the same folder', () => {
    for (const [index, example] of listed.entries()) {
      if (example.kind === 'run') it(`${example.at} ${example.written}`, () => run(commands[index]!));
    }
  });
});
