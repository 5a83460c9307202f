import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { machine, peakRssMiB, ROOT, runMeasured, startServer, writeSection } from './bench-support';

/** Memory bound for a streamed extract of 100,000 rows, whatever the size. */
const BOUND_MIB = 300;

/**
 * V8 grows its heap lazily while memory is plentiful, so an uncapped peak says
 * little about what an extract needs. Capping the old space shows it: an
 * extract that held its result would run out of heap; a streaming one finishes
 * with the same peak at every size.
 */
const HEAP_CAP = { NODE_OPTIONS: '--max-old-space-size=64' };

interface Measured {
  rows: number;
  cliPeakMiB: number;
  serverPeakMiB: number;
  serverBaseMiB: number;
}

/** Extracts every cell (one row each) of a generated corpus by CLI and by HTTP, sampling peak RSS. */
async function measure(agencies: number): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-extract-'));
  try {
    const corpus = join(dir, 'corpus');
    const db = join(dir, 'bench.sqlite');
    await runMeasured(['generate', '--agencies', String(agencies), '--years', '2023-2023', '--out', corpus, '--seed', '9', '--no-truth']);
    await runMeasured(['ingest', corpus, '--db', db]);
    const doc = join(ROOT, 'queries', 'all-cells.graphql');
    const cli = await runMeasured(['query', doc, '--all-pages', '--format', 'csv', '--out', join(dir, 'cells.csv'), '--db', db], HEAP_CAP);
    const server = await startServer(db, HEAP_CAP);
    try {
      await fetch(`${server.url}/healthz`);
      const serverBaseMiB = peakRssMiB(server.child.pid!);
      const response = await fetch(`${server.url}/extract/all-cells.csv`);
      let rows = -1;
      const decoder = new TextDecoder();
      for await (const chunk of response.body!) rows += (decoder.decode(chunk as Uint8Array, { stream: true }).match(/\n/g) ?? []).length;
      return { rows, cliPeakMiB: cli.peakMiB, serverPeakMiB: peakRssMiB(server.child.pid!), serverBaseMiB };
    } finally {
      server.child.kill('SIGTERM');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function extractMemoryBenchmark(): Promise<void> {
  // 100 agencies fill one page of the document (100 reports, 20,000 rows); 500 and 1,000 make 100,000 and 200,000 rows.
  const [onePage, large, double] = [await measure(100), await measure(500), await measure(1000)];
  const row = (m: Measured) => `| ${m.rows.toLocaleString('en')} | ${m.cliPeakMiB.toFixed(0)} | ${m.serverBaseMiB.toFixed(0)} | ${m.serverPeakMiB.toFixed(0)} |`;
  const within = large.rows >= 100_000 && large.cliPeakMiB < BOUND_MIB && large.serverPeakMiB < BOUND_MIB;
  writeSection(
    'extract-memory',
    `## Streamed extracts (issue 5)

Every cell of a generated corpus (one row per cell) through \`nianbao query queries/all-cells.graphql --all-pages --format csv\`
and \`GET /extract/all-cells.csv\`, each process run with \`${HEAP_CAP.NODE_OPTIONS}\`; peak resident memory (VmHWM).
Machine: ${machine()}.

| rows | CLI peak RSS (MiB) | server RSS before (MiB) | server peak RSS (MiB) |
|---:|---:|---:|---:|
${row(onePage)}
${row(large)}
${row(double)}

Bound: ${BOUND_MIB} MiB for 100,000 rows — ${within ? 'met' : '**not met**'}. Memory follows the page (100 reports,
20,000 rows), not the extract: from one page to ten, the CLI's peak moves ${(double.cliPeakMiB - onePage.cliPeakMiB).toFixed(0)} MiB and the
server's ${(double.serverPeakMiB - onePage.serverPeakMiB).toFixed(0)} MiB; pages stream one after another and the result is never held whole.`,
  );
  process.stdout.write(`extract memory: ${large.rows} rows, CLI peak ${large.cliPeakMiB.toFixed(0)} MiB, server peak ${large.serverPeakMiB.toFixed(0)} MiB (bound ${BOUND_MIB} MiB)\n`);
  if (!within) process.exitCode = 1;
}
