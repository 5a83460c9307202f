import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../../src/documents/chromium';
import { documentShell } from '../../src/documents/document-shell';
import { a4Layout, A4_CONTENT_WIDTH_PX } from '../helpers/a4-layout';
import type { Corpus } from '../helpers/corpus';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { busiestProvince, DOCUMENT_SOURCES, fiveYearCorpus, loadCorpus, profileFacts, type ProfileFacts } from '../helpers/profile-documents';

const HAS_CHROMIUM = hasChromium();
if (!HAS_CHROMIUM) process.stdout.write('A4 layout tests skipped: no Chromium (apt-get install chromium fonts-noto-cjk)\n');

/** A PNG's width from its IHDR chunk. */
const pngWidth = (png: Buffer) => png.readUInt32BE(16);

describe.skipIf(!HAS_CHROMIUM)('documents on A4 in headless Chromium (print media)', () => {
  let browser: Browser;
  let gateway: TestGateway;
  let corpus: Corpus;
  let facts: ProfileFacts[];
  let shots: string;
  let corpusAgencies: Set<string> | undefined;

  beforeAll(async () => {
    shots = mkdtempSync(join(tmpdir(), 'nianbao-a4-'));
    corpus = await fiveYearCorpus();
    gateway = await startTestGateway(DOCUMENT_SOURCES, { prepare: (dataSource) => loadCorpus(dataSource, corpus) });
    facts = await profileFacts(gateway);
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
    corpus?.cleanup();
    // NIANBAO_KEEP_SCREENSHOTS=1 keeps the screenshots to look at.
    if (process.env.NIANBAO_KEEP_SCREENSHOTS) process.stdout.write(`A4 screenshots in ${shots}\n`);
    else rmSync(shots, { recursive: true, force: true });
  });

  async function expectFitsA4(html: string, name: string) {
    const screenshot = join(shots, `${name}.png`);
    const layout = await a4Layout(browser, html, screenshot);
    expect(layout.clientWidth).toBe(A4_CONTENT_WIDTH_PX);
    expect(layout.scrollWidth, name).toBeLessThanOrEqual(layout.clientWidth);
    expect(layout.overflowing, name).toEqual([]);
    expect(pngWidth(readFileSync(screenshot))).toBe(A4_CONTENT_WIDTH_PX);
    return layout;
  }

  it('finds a table wider than A4 (the measure itself can fail)', async () => {
    const html = documentShell({ title: '过宽', body: '<table style="table-layout:auto;width:1000px"><tr><td>过宽的表</td></tr></table>' });
    const layout = await a4Layout(browser, html, join(shots, 'too-wide.png'));
    expect(layout.overflowing.some((line) => line.startsWith('table.'))).toBe(true);
  });

  it('fits each sample and each 洪泽区 profile within the A4 content width', async () => {
    const printed = facts.filter((f) => !corpusAgency(f));
    expect(printed).toHaveLength(DOCUMENT_SOURCES.length);
    for (const report of printed) {
      const response = await fetch(`${gateway.url}/profiles/${report.id}.html`);
      expect(response.status).toBe(200);
      const layout = await expectFitsA4(await response.text(), `profile-${report.id}`);
      expect(layout.measured.tables).toBeGreaterThanOrEqual(3);
    }
  }, 120_000);

  it('fits a generated agency with five years of reports, its trend chart drawn with five points', async () => {
    const agency = [...new Set(facts.filter(corpusAgency).map((f) => f.agency))][0]!;
    const reports = facts.filter((f) => f.agency === agency);
    expect(reports.map((f) => f.year).sort()).toEqual([2020, 2021, 2022, 2023, 2024]);
    const latest = reports.find((f) => f.year === 2024)!;
    const html = await (await fetch(`${gateway.url}/profiles/${latest.id}.html`)).text();
    const layout = await expectFitsA4(html, `profile-${latest.id}-five-years`);
    expect(layout.measured.svgs).toBeGreaterThanOrEqual(1);
    const figures = html.split('<figure').slice(1);
    expect(figures.some((figure) => [2020, 2021, 2022, 2023, 2024].every((year) => figure.includes(String(year))))).toBe(true);
  }, 120_000);

  it("fits the supervisor's list of the generated agencies' province within the A4 content width", async () => {
    const region = await busiestProvince(gateway);
    const response = await fetch(`${gateway.url}/overviews/2024.html?region=${encodeURIComponent(region)}`);
    expect(response.status).toBe(200);
    const layout = await expectFitsA4(await response.text(), 'overview-2024');
    expect(layout.measured.tables).toBeGreaterThanOrEqual(2);
    expect(layout.measured.svgs).toBeGreaterThanOrEqual(1);
  }, 120_000);

  function corpusAgency(f: ProfileFacts): boolean {
    corpusAgencies ??= new Set(corpus.truth.map((record) => record.agency));
    return corpusAgencies.has(f.agency);
  }
});
