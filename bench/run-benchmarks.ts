import { extractMemoryBenchmark } from './extract-memory.bench';

/** `npm run bench`: every benchmark, each writing its section of bench/RESULTS.md. Never part of the tests. */
async function main(): Promise<void> {
  await extractMemoryBenchmark();
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
