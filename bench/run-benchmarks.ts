import { documentsBenchmark } from './documents.bench';
import { extractMemoryBenchmark } from './extract-memory.bench';
import { gatewayBenchmark } from './gateway.bench';
import { loadBenchmark } from './load.bench';
import { peerBenchmark } from './peer.bench';
import { percentileBenchmark } from './percentile.bench';

/** `npm run bench`: every benchmark, each writing its section of bench/RESULTS.md. Never part of the tests. */
async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY;
  if (!only || only === 'gateway') await gatewayBenchmark();
  if (!only || only === 'extract') await extractMemoryBenchmark();
  if (!only || only === 'load') await loadBenchmark();
  if (!only || only === 'peer') await peerBenchmark();
  if (!only || only === 'percentile') await percentileBenchmark();
  if (!only || only === 'documents') await documentsBenchmark();
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n${(error as { cause?: unknown }).cause ?? ''}\n`);
  process.exitCode = 1;
});
