import { join } from 'node:path';
import { benchDatabase, runSql, type BenchDatabase } from './bench-database';
import { runMeasured } from './bench-support';

export interface CorpusOptions {
  agencies: number;
  years: string;
  seed: number;
}

/** `nianbao generate` as gateway.bench.ts calls generateCorpus: 20% damaged, no truth file. */
export async function generateCorpusFiles(dir: string, options: CorpusOptions): Promise<string> {
  const corpus = join(dir, 'corpus');
  await runMeasured(['generate', '--agencies', String(options.agencies), '--years', options.years, '--out', corpus, '--seed', String(options.seed), '--damage', '0.2', '--no-truth']);
  return corpus;
}

/** A fresh bench database with the corpus ingested through the CLI (and its agencies.csv imported, when asked); `serve` is what startServer takes. */
export async function loadedDatabase(kind: 'sqlite' | 'postgres', dir: string, name: string, corpus: string, importAgencies: boolean): Promise<{ database: BenchDatabase; serve: string }> {
  const database = await benchDatabase(kind, dir, name);
  const serve = database.target.kind === 'sqlite' ? database.target.path : database.target.url;
  const [args, env] = kind === 'sqlite' ? [['--db', serve], {}] : [[], { DATABASE_URL: serve }];
  await runMeasured(['ingest', corpus, ...args], env);
  if (importAgencies) await runMeasured(['agencies', 'import', join(corpus, 'agencies.csv'), ...args], env);
  // Planner statistics as a freshly loaded database gets them once autovacuum comes round: both servers measured read the same.
  if (kind === 'postgres') await runSql(serve, 'ANALYZE');
  return { database, serve };
}
