import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpusFiles, loadedDatabase } from './bench-corpus';
import { benchDatabase, POSTGRES_ADMIN_URL, runSql, type BenchDatabase } from './bench-database';

export interface LoadedDatabase {
  database: BenchDatabase;
  /** What `nianbao serve` takes: a SQLite path or a PostgreSQL URL. */
  serve: string;
  /** By `nianbao ingest` of the corpus, or copied from the SQLite database (BENCH_PERCENTILE_POSTGRES=copy). */
  loadedBy: 'ingest' | 'copy';
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
      databases.set(kind, reopened(kind, dir, name, readFileSync(ready, 'utf8').includes('copy') ? 'copy' : 'ingest'));
      continue;
    }
    if (kind === 'postgres' && process.env.BENCH_PERCENTILE_POSTGRES === 'copy') {
      databases.set(kind, await copiedFromSqlite(dir, name));
    } else {
      corpus ??= await corpusFiles(dir, size);
      process.stdout.write(`percentile: ingesting ${size} reports into ${kind}…\n`);
      databases.set(kind, { ...(await loadedDatabase(kind, dir, name, corpus, true)), loadedBy: 'ingest' });
    }
    writeFileSync(ready, `${new Date().toISOString()} ${databases.get(kind)!.loadedBy}\n`);
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

/** What the aggregates read, copied row for row from the SQLite database. */
const COPIED_TABLES = ['agency', 'report', 'table_cell'];

/**
 * With BENCH_PERCENTILE_POSTGRES=copy: the PostgreSQL database made from the
 * SQLite one already loaded, its agencies, reports and cells copied over
 * (sqlite3's CSV into psql's \copy, both command-line tools needed), instead of
 * ingesting the corpus a second time — on a busy two-core machine PostgreSQL
 * ingests about 20 reports/s. Sections and versions are not copied: the
 * aggregates read none. The cell indexes are made after the copy, as a load by
 * ingest would have them, and the planner's statistics taken.
 */
async function copiedFromSqlite(dir: string, name: string): Promise<LoadedDatabase> {
  const sqlite = join(dir, `${name}.sqlite`);
  if (!existsSync(join(dir, `${name}-sqlite.ready`))) throw new Error('BENCH_PERCENTILE_POSTGRES=copy needs the SQLite database loaded first');
  process.stdout.write('percentile: copying the SQLite database into postgres…\n');
  const database = await benchDatabase('postgres', dir, name);
  const url = (database.target as { url: string }).url;
  const indexes = (await runSql(url, "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'table_cell' AND indexname NOT LIKE 'PK_%'")) as { indexname: string; indexdef: string }[];
  for (const index of indexes) await runSql(url, `DROP INDEX "${index.indexname}"`);
  for (const table of COPIED_TABLES) {
    const columns = ((await runSql(url, `SELECT column_name FROM information_schema.columns WHERE table_name = '${table}' ORDER BY ordinal_position`)) as { column_name: string }[]).map((c) => c.column_name);
    // Foreign keys are triggers: a replica session skips them (the rows come from a database that kept them).
    const pipeline = `sqlite3 -csv ${JSON.stringify(sqlite)} ${JSON.stringify(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY id`)} | psql -q -v ON_ERROR_STOP=1 ${JSON.stringify(url)} -c "SET session_replication_role = replica" -c ${JSON.stringify(`\\copy ${table} (${columns.join(', ')}) FROM pstdin CSV`)}`;
    execFileSync('bash', ['-o', 'pipefail', '-c', pipeline], { stdio: ['ignore', 'inherit', 'inherit'] });
    await runSql(url, `SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT MAX(id) FROM ${table}))`);
  }
  for (const index of indexes) await runSql(url, index.indexdef);
  await runSql(url, 'VACUUM ANALYZE');
  return { database, serve: url, loadedBy: 'copy' };
}

/** A database loaded by an earlier run: opened without dropping it (benchDatabase would make it afresh). */
function reopened(kind: 'sqlite' | 'postgres', dir: string, name: string, loadedBy: LoadedDatabase['loadedBy']): LoadedDatabase {
  if (kind === 'sqlite') {
    const path = join(dir, `${name}.sqlite`);
    return { database: { ...stub(kind), target: { kind, path } }, serve: path, loadedBy };
  }
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/nianbao_bench_${name}`;
  return { database: { ...stub(kind), target: { kind, url: url.toString() } }, serve: url.toString(), loadedBy };
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
