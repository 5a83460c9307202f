import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../../src/documents/chromium';
import type { Corpus } from '../helpers/corpus';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { hasPoppler, pdfPages, squeezed } from '../helpers/pdf-text';
import { busiestProvince, fiveYearCorpus, loadCorpus } from '../helpers/profile-documents';

const READY = hasChromium() && hasPoppler();
if (!READY) process.stdout.write('Overview PDF test skipped: no Chromium or pdftotext (apt-get install chromium poppler-utils fonts-noto-cjk)\n');

interface ScopeReport {
  year: number;
  agency: { name: string; region: string | null };
}

describe.skipIf(!READY)("the supervisor's list as PDF", () => {
  let corpus: Corpus;
  let gateway: TestGateway;

  beforeAll(async () => {
    corpus = await fiveYearCorpus();
    gateway = await startTestGateway([], { prepare: (dataSource) => loadCorpus(dataSource, corpus) });
  }, 120_000);
  afterAll(async () => {
    await gateway?.stop();
    corpus?.cleanup();
  });

  it('GET /overviews/<year>.pdf?region= holds the year and every agency of the region with a report, on numbered A4 pages', async () => {
    const region = await busiestProvince(gateway);
    const { body } = await gateway.graphql<{ reports: { edges: { node: ScopeReport }[] } }>(
      'query($region: String!) { reports(first: 100, filter: { region: $region, years: [2024] }) { edges { node { year agency { name region } } } } }',
      { region },
    );
    const agencies = body.data!.reports.edges.map((e) => e.node.agency.name);
    expect(agencies.length).toBeGreaterThan(0);
    const response = await fetch(`${gateway.url}/overviews/2024.pdf?region=${encodeURIComponent(region)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pages = pdfPages(Buffer.from(await response.arrayBuffer()));
    const text = squeezed(pages.join('\n'));
    expect(text).toContain('2024');
    for (const name of agencies) expect(text).toContain(squeezed(name));
    pages.forEach((page, i) => expect(squeezed(page)).toContain(`第${i + 1}页/共${pages.length}页`));
  }, 120_000);
});
