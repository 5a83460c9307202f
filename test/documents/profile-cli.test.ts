import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type Gateway } from '../../src/server/create-gateway';
import { defaultSettings } from '../../src/server/gateway-settings';
import { HONGZE, HONGZE_PDFS } from '../helpers/profile-documents';
import { runCli } from '../helpers/run-cli';
import { cliDatabase, type CliDatabase } from '../helpers/test-databases';
import pino from 'pino';
import type { DataSource } from 'typeorm';

describe('nianbao profile', () => {
  let database: CliDatabase;
  let dataSource: DataSource;
  let gateway: Gateway;
  let dir: string;

  beforeAll(async () => {
    database = await cliDatabase();
    dir = mkdtempSync(join(tmpdir(), 'nianbao-profile-'));
    const ingest = runCli(['ingest', ...HONGZE_PDFS, ...database.args], database.env);
    expect(ingest.status, ingest.stderr).toBe(0);
    // The gateway serves the very database the command reads.
    dataSource = await database.open();
    gateway = await startGateway({ dataSource, logger: pino({ level: 'silent' }), port: 0, settings: defaultSettings() });
  }, 120_000);
  afterAll(async () => {
    await gateway?.close();
    await dataSource?.destroy();
    rmSync(dir, { recursive: true, force: true });
    await database?.cleanup();
  });

  it('writes the same HTML as GET /profiles/<id>.html, to stdout or to --out', async () => {
    const run = runCli(['profile', '--agency', HONGZE, '--year', '2023', ...database.args], database.env, { timeoutMs: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    const response = await fetch(`${gateway.url}/profiles/1.html`);
    expect(response.status).toBe(200);
    const served = await response.text();
    expect(served).toContain(`<h1>${HONGZE} 2023 年度政府信息公开画像</h1>`);
    expect(run.stdout).toBe(served);

    const out = join(dir, 'hongze-2024.html');
    // The full name with its region finds the agency as agency(name) does.
    const toFile = runCli(['profile', '--agency', '淮安市洪泽区人民政府', '--year', '2024', '--format', 'html', '--out', out, ...database.args], database.env, { timeoutMs: 60_000 });
    expect(toFile.status, toFile.stderr).toBe(0);
    expect(toFile.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(await (await fetch(`${gateway.url}/profiles/2.html`)).text());
  });

  it('an unknown agency or a year without a report: a clear message, exit 1', () => {
    const unknown = runCli(['profile', '--agency', '无此单位', '--year', '2023', ...database.args], database.env);
    expect({ status: unknown.status, stderr: unknown.stderr, stdout: unknown.stdout }).toEqual({ status: 1, stderr: 'nianbao: --agency: no agency is known as "无此单位"\n', stdout: '' });
    const noYear = runCli(['profile', '--agency', HONGZE, '--year', '2020', ...database.args], database.env);
    expect({ status: noYear.status, stderr: noYear.stderr }).toEqual({ status: 1, stderr: `nianbao: ${HONGZE} has no report for 2020\n` });
  });
});
