import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumExecutable, hasChromium, launchChromium } from '../../src/documents/chromium';
import { SAMPLE_SOURCES, startTestGateway, type TestGateway } from '../helpers/gateway';

/** Debian's chromium (`apt-get install chromium`) or NIANBAO_CHROMIUM; playwright never downloads a browser here. */
const HAS_CHROMIUM = hasChromium();

if (!HAS_CHROMIUM) process.stdout.write(`IDE browser test skipped: no Chromium at ${chromiumExecutable()} (apt-get install chromium)\n`);

describe.skipIf(!HAS_CHROMIUM)('the IDE in headless Chromium', () => {
  let gateway: TestGateway;
  let browser: Browser;

  beforeAll(async () => {
    gateway = await startTestGateway(SAMPLE_SOURCES);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
  });

  it('loads offline, runs the preloaded example and shows the data', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${gateway.url}/`);
    await page.waitForSelector('.graphiql-execute-button');
    const tabs = await page.locator('.graphiql-tab-button').allTextContents();
    expect(tabs.map((t) => t.trim())).toEqual(['ReportTables', 'ReportFigures', 'FailingChecks', 'YearOverYear', 'AggregateByYear', 'AgencyProfile', 'AllCells', 'SupervisorOverview']);
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(`document.querySelector('.result-window')?.textContent?.includes('"tables"')`);
    const result = await page.locator('.result-window').textContent();
    expect(result).toContain('"title": "经济技术开发区管理办公室2023年政府信息公开工作年度报告"');
    expect(result).toContain('"label": "规章"');
    expect(requests.filter((url) => !url.startsWith(gateway.url))).toEqual([]);
  });
});
