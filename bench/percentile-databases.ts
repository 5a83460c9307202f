import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpusFiles, loadedDatabase } from './bench-corpus';
import type { BenchDatabase } from './bench-database';

export interface LoadedDatabase {
  database: BenchDatabase;
  /** What `nianbao serve` takes: a SQLite path or a PostgreSQL URL. */
  serve: string;
}

/**
 * One database of each kind holding `size` generated reports (size/4 agencies
 * × 2020–2023, agencies.csv imported). Loading 100,000 reports takes most of
 * an hour on two cores, so with BENCH_PERCENTILE_DIR set the databases are
 * kept there and a later run reads them again instead of loading anew.
 */
export async function percentileDatabases(kinds: ('sqlite' | 'postgres')[], size: number): Promise<{ databases: Map<string, LoadedDatabase>; cleanup(): Promise<void> }> {
  const kept = process.env.BENCH_PERCENTILE_DIR;
  const dir = kept ?? mkdtempSync(join(tmpdir(), 'nianbao-bench-percentile-'));
  mkdirSync(dir, { recursive: true });
  const name = `percentile${size}`;
  const databases = new Map<string, LoadedDatabase>();
  let corpus: string | undefined;
  for (const kind of kinds) {
    const ready = join(dir, `${name}-${kind}.ready`);
    if (kept && existsSync(ready)) {
      databases.set(kind, await reopened(kind, dir, name));
      continue;
    }
    corpus ??= await corpusFiles(dir, size);
    process.stdout.write(`percentile: ingesting ${size} reports into ${kind}…\n`);
    databases.set(kind, await loadedDatabase(kind, dir, name, corpus, true));
    writeFileSync(ready, `${new Date().toISOString()}\n`);
  }
  return {
    databases,
    async cleanup() {
      if (kept) return;
      for (const { database } of databases.values()) await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The generated report files, written once per directory. */
async function corpusFiles(dir: string, size: number): Promise<string> {
  const ready = join(dir, `corpus${size}.ready`);
  if (existsSync(ready)) return join(dir, 'corpus');
  process.stdout.write(`percentile: generating ${size} reports…\n`);
  rmSync(join(dir, 'corpus'), { recursive: true, force: true });
  const corpus = await generateCorpusFiles(dir, { agencies: size / 4, years: '2020-2023', seed: size });
  writeFileSync(ready, `${new Date().toISOString()}\n`);
  return corpus;
}

/** A database loaded by an earlier run: opened without dropping it (benchDatabase would make it afresh). */
async function reopened(kind: 'sqlite' | 'postgres', dir: string, name: string): Promise<LoadedDatabase> {
  if (kind === 'sqlite') {
    const path = join(dir, `${name}.sqlite`);
    return { database: { ...stub(kind), target: { kind, path } }, serve: path };
  }
  const url = new URL(process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
  url.pathname = `/nianbao_bench_${name}`;
  return { database: { ...stub(kind), target: { kind, url: url.toString() } }, serve: url.toString() };
}

function stub(kind: 'sqlite' | 'postgres'): Omit<BenchDatabase, 'target'> {
  const fail = () => Promise.reject(new Error('a kept bench database is opened by its target'));
  return { kind, open: fail, sizeMiB: fail, drop: async () => undefined };
}

/**
 * `node bench/dist/bench/percentile-databases.js corpus|sqlite|postgres [size]`
 * with BENCH_PERCENTILE_DIR set: writes the corpus, or loads one database,
 * ahead of the benchmark (the two loads can run side by side once the corpus is written).
 */
if (require.main === module) {
  const dir = process.env.BENCH_PERCENTILE_DIR;
  if (!dir) throw new Error('set BENCH_PERCENTILE_DIR');
  const [what, size] = [process.argv[2], Number(process.argv[3] ?? 100_000)];
  (what === 'corpus' ? corpusFiles(dir, size) : percentileDatabases([what as 'sqlite' | 'postgres'], size)).catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exitCode = 1;
  });
}
