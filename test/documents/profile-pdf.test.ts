import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../../src/documents/chromium';
import { cliDatabase, type CliDatabase } from '../helpers/test-databases';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { hasPoppler, pdfPages, squeezed } from '../helpers/pdf-text';
import { completionRateText, DOCUMENT_SOURCES, HONGZE, HONGZE_PDFS, profileFacts, type ProfileFacts } from '../helpers/profile-documents';
import { runCli } from '../helpers/run-cli';

const READY = hasChromium() && hasPoppler();
if (!READY) process.stdout.write('Profile PDF tests skipped: no Chromium or pdftotext (apt-get install chromium poppler-utils fonts-noto-cjk)\n');

const INSTALL = 'apt-get install chromium fonts-noto-cjk';

/** The PDF's text holds the agency, the year and the key figures as GraphQL answers them, and numbered pages. */
function expectProfileText(pdf: Buffer, facts: ProfileFacts): void {
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const pages = pdfPages(pdf);
  const text = squeezed(pages.join('\n'));
  expect(text).toContain(facts.agency);
  expect(text).toContain(String(facts.year));
  if (facts.applicationsReceived !== null) expect(text).toContain(String(facts.applicationsReceived));
  const rate = completionRateText(facts);
  if (rate) expect(text).toContain(rate);
  pages.forEach((page, i) => expect(squeezed(page)).toContain(`第${i + 1}页/共${pages.length}页`));
}

describe.skipIf(!READY)('profile PDFs', () => {
  let gateway: TestGateway;
  let facts: ProfileFacts[];

  beforeAll(async () => {
    gateway = await startTestGateway(DOCUMENT_SOURCES);
    facts = await profileFacts(gateway);
  }, 120_000);
  afterAll(async () => gateway?.stop());

  it('GraphQL answers what a person read from 洪泽区 2024: 95 applications received', () => {
    const hongze = facts.find((f) => f.agency === HONGZE && f.year === 2024)!;
    expect(hongze.applicationsReceived).toBe(95);
  });

  it('GET /profiles/<id>.pdf prints each sample and each 洪泽区 report with its agency, year and key figures', async () => {
    expect(facts.length).toBe(DOCUMENT_SOURCES.length);
    for (const report of facts) {
      const response = await fetch(`${gateway.url}/profiles/${report.id}.pdf`);
      expect(response.status, `${report.agency} ${report.year}`).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expectProfileText(Buffer.from(await response.arrayBuffer()), report);
    }
  }, 120_000);

  it('answers 404 for a report that does not exist', async () => {
    const response = await fetch(`${gateway.url}/profiles/999999.pdf`);
    expect(response.status).toBe(404);
  });
});

describe.skipIf(!READY)('nianbao profile --format pdf', () => {
  let database: CliDatabase;
  let dir: string;

  beforeAll(async () => {
    database = await cliDatabase();
    dir = mkdtempSync(join(tmpdir(), 'nianbao-profile-pdf-'));
    const ingest = runCli(['ingest', ...HONGZE_PDFS, ...database.args], database.env);
    expect(ingest.status, ingest.stderr).toBe(0);
  }, 120_000);
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await database?.cleanup();
  });

  it('writes 洪泽区 2024 as a PDF holding its agency, year and key figures', async () => {
    const gateway = await startTestGateway(HONGZE_PDFS.map((file) => ({ file })));
    const hongze = (await profileFacts(gateway).finally(() => gateway.stop())).find((f) => f.year === 2024)!;
    const out = join(dir, 'hongze-2024.pdf');
    const run = runCli(['profile', '--agency', HONGZE, '--year', '2024', '--format', 'pdf', '--out', out, ...database.args], database.env, { timeoutMs: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    expectProfileText(readFileSync(out), hongze);
  }, 120_000);

  it('without Chromium says what to install and exits 1; HTML still works', () => {
    const out = join(dir, 'none.pdf');
    const env = { ...database.env, NIANBAO_CHROMIUM: '/nonexistent/chromium' };
    const pdf = runCli(['profile', '--agency', HONGZE, '--year', '2024', '--format', 'pdf', '--out', out, ...database.args], env, { timeoutMs: 60_000 });
    expect(pdf.status).toBe(1);
    expect(pdf.stderr).toContain(INSTALL);
    expect(pdf.stderr).toContain('NIANBAO_CHROMIUM');
    expect(existsSync(out)).toBe(false);
    const html = runCli(['profile', '--agency', HONGZE, '--year', '2024', '--format', 'html', ...database.args], env, { timeoutMs: 60_000 });
    expect(html.status, html.stderr).toBe(0);
    expect(html.stdout).toMatch(/^<!doctype html>/);
    expect(html.stdout).toContain(HONGZE);
  }, 120_000);
});

describe('GET /profiles/<id>.pdf without Chromium', () => {
  let gateway: TestGateway;
  let saved: string | undefined;

  beforeAll(async () => {
    saved = process.env.NIANBAO_CHROMIUM;
    process.env.NIANBAO_CHROMIUM = '/nonexistent/chromium';
    gateway = await startTestGateway(HONGZE_PDFS.slice(1).map((file) => ({ file })));
  }, 60_000);
  afterAll(async () => {
    await gateway?.stop();
    if (saved === undefined) delete process.env.NIANBAO_CHROMIUM;
    else process.env.NIANBAO_CHROMIUM = saved;
  });

  it('answers 503 saying what to install; the HTML is served all the same', async () => {
    const [report] = await profileFacts(gateway);
    const pdf = await fetch(`${gateway.url}/profiles/${report!.id}.pdf`);
    expect(pdf.status).toBe(503);
    const body = (await pdf.json()) as { error: string; code: string };
    expect(body.error).toContain(INSTALL);
    expect(body.error).toContain('NIANBAO_CHROMIUM');
    const html = await fetch(`${gateway.url}/profiles/${report!.id}.html`);
    expect(html.status).toBe(200);
    expect(await html.text()).toContain(HONGZE);
  });
});
