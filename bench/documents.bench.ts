import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../src/database/data-source';
import { buildAgencyProfile } from '../src/documents/agency-profile';
import { launchChromium } from '../src/documents/chromium';
import { closePdfBrowser, printPdf } from '../src/documents/print-pdf';
import { generateCorpus } from '../src/generate/generate-corpus';
import { ingestFiles } from '../src/ingest/ingest-files';
import { buildGatewaySchema } from '../src/schema/build-schema';
import { createContext } from '../src/server/context';
import { cursorSecretFromEnvironment } from '../src/server/gateway-settings';
import { importAgencies } from '../src/services/agency-import.service';
import { loadCursorKey } from '../src/services/cursor-key.service';
import { BIN, machine, ROOT, writeSection } from './bench-support';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const HTML_TARGET_MS = 500;
const PDF_TARGET_MS = 3000;
const SEEDS = join(ROOT, 'test', 'fixtures', 'seeds');
const PDFS = ['hongze-2023.pdf', 'hongze-2024.pdf'].map((file) => join(ROOT, 'test', 'fixtures', 'pdf', file));

interface ProfileTiming {
  label: string;
  htmlMs: number;
  printMs: number;
  kib: number;
}

const GENERATED = 'generated agency, 2024 (five years)';
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

/** The samples, the 洪泽区 PDFs, and six generated agencies with 2020–2024 (five points on each trend, peers for the percentiles). */
async function loadDocuments(dataSource: DataSource, dir: string): Promise<{ label: string; reportId: string }[]> {
  await generateCorpus(join(dir, 'corpus'), { agencies: 6, fromYear: 2020, toYear: 2024, seed: 17, damageRate: 0, truth: false });
  const chosen: { label: string; reportId: string }[] = [];
  for await (const outcome of ingestFiles(dataSource, [SEEDS, ...PDFS, join(dir, 'corpus')])) {
    if ('refused' in outcome) throw new Error(`${outcome.path}: ${outcome.refused.message}`);
    const reportId = String(outcome.result.reportId);
    if (!outcome.path.startsWith(join(dir, 'corpus'))) chosen.push({ label: outcome.path.slice(ROOT.length + 1), reportId });
    else if (outcome.path.includes('/2024/') && !chosen.some((c) => c.label === GENERATED)) chosen.push({ label: GENERATED, reportId });
  }
  await importAgencies(dataSource, readFileSync(join(dir, 'corpus', 'agencies.csv'), 'utf8'), 'agencies.csv');
  return chosen;
}

/** `BENCH_ONLY=documents npm run bench`: time per agency profile, HTML and PDF, with Chromium's start timed apart. */
export async function documentsBenchmark(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-documents-'));
  const dataSource = await openDatabase({ kind: 'sqlite', path: join(dir, 'documents.sqlite') });
  try {
    const documents = await loadDocuments(dataSource, dir);
    const loadBefore = loadavg()[0]!;
    const schema = await buildGatewaySchema();
    await loadCursorKey(dataSource, cursorSecretFromEnvironment(process.env));
    const profile = (reportId: string) => buildAgencyProfile({ schema, context: createContext(dataSource), reportId });

    const launches: number[] = [];
    for (let run = 0; run < Math.min(RUNS, 5); run += 1) {
      const [browser, ms] = await timed(() => launchChromium());
      launches.push(ms);
      await browser.close();
    }
    // The first PDF of a process: Chromium's start, then the print.
    const [, firstPdfMs] = await timed(async () => printPdf(await profile(documents[0]!.reportId)));

    const timings: ProfileTiming[] = [];
    for (const { label, reportId } of documents) {
      process.stdout.write(`documents: ${label}…\n`);
      await printPdf(await profile(reportId));
      const html: number[] = [];
      const print: number[] = [];
      let bytes = 0;
      for (let run = 0; run < RUNS; run += 1) {
        const [page, htmlMs] = await timed(() => profile(reportId));
        const [pdf, printMs] = await timed(() => printPdf(page));
        html.push(htmlMs);
        print.push(printMs);
        bytes = pdf.length;
      }
      timings.push({ label, htmlMs: median(html), printMs: median(print), kib: bytes / 1024 });
    }
    const cli = { html: commandMs(dir, 'html'), pdf: commandMs(dir, 'pdf') };
    const load = `${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after`;
    writeSection('documents', report(timings, median(launches), firstPdfMs, cli, load));
  } finally {
    await closePdfBrowser();
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `nianbao profile` for 洪泽区 2024 as a user runs it, the whole process (Node's start, the schema, Chromium's start for a PDF): median of 3. */
function commandMs(dir: string, format: 'html' | 'pdf'): number {
  const times: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    const start = performance.now();
    const result = spawnSync(process.execPath, [BIN, 'profile', '--agency', '洪泽区人民政府', '--year', '2024', '--format', format, '--out', join(dir, `cli.${format}`), '--db', join(dir, 'documents.sqlite')], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`nianbao profile --format ${format}: ${result.stderr}`);
    times.push(performance.now() - start);
  }
  return median(times);
}

function report(timings: ProfileTiming[], launchMs: number, firstPdfMs: number, cli: { html: number; pdf: number }, load: string): string {
  const worstHtml = Math.max(...timings.map((t) => t.htmlMs));
  const worstPdf = Math.max(...timings.map((t) => t.htmlMs + t.printMs));
  const verdict = (ms: number, target: number) => (ms <= target ? 'met' : 'not met');
  return [
    '## Documents: agency profiles, HTML and PDF (issue 17)',
    '',
    `Run of ${new Date().toISOString().slice(0, 10)} on ${machine()}, Chromium ${process.env.NIANBAO_CHROMIUM || '/usr/bin/chromium'}; SQLite, in-process; the machine's load average (1 min): ${load}.`,
    `Each profile: \`buildAgencyProfile\` (queries/agency-profile.graphql run in-process, then the HTML with its SVG charts), then \`printPdf\` on the one Chromium the process keeps.`,
    `Medians of ${RUNS} runs after a warm-up. Chromium's start is timed apart: a process pays it once, at its first PDF.`,
    '',
    `- Chromium start (launch, median of ${Math.min(RUNS, 5)}): **${launchMs.toFixed(0)} ms**; the first PDF of a process, start included: **${firstPdfMs.toFixed(0)} ms**`,
    `- HTML: worst median **${worstHtml.toFixed(0)} ms** (target ≤ ${HTML_TARGET_MS} ms: ${verdict(worstHtml, HTML_TARGET_MS)})`,
    `- PDF (HTML + print): worst median **${worstPdf.toFixed(0)} ms** (target ≤ ${PDF_TARGET_MS} ms: ${verdict(worstPdf, PDF_TARGET_MS)}; with Chromium's start: ${verdict(worstPdf + launchMs, PDF_TARGET_MS)})`,
    `- \`nianbao profile --format html|pdf\` for 洪泽区 2024, the whole command (Node's start, the schema, and for PDF Chromium's start): **${cli.html.toFixed(0)} ms** HTML, **${cli.pdf.toFixed(0)} ms** PDF (median of 3)`,
    '',
    '| report | HTML ms | print ms | PDF ms (HTML + print) | PDF KiB |',
    '|---|---:|---:|---:|---:|',
    ...timings.map((t) => `| ${t.label} | ${t.htmlMs.toFixed(0)} | ${t.printMs.toFixed(0)} | ${(t.htmlMs + t.printMs).toFixed(0)} | ${t.kib.toFixed(0)} |`),
  ].join('\n');
}
