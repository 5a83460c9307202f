import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, parse as parseDocument } from 'graphql';
import { StatementCounter } from '../src/database/statement-counter';
import { openDatabase } from '../src/database/data-source';
import { generateCorpus } from '../src/generate/generate-corpus';
import { ingestFiles } from '../src/ingest/ingest-files';
import { parseReport } from '../src/ingest/parse-report';
import { buildGatewaySchema } from '../src/schema/build-schema';
import { createContext } from '../src/server/context';
import { benchDatabase, postgresReachable, type BenchDatabase } from './bench-database';
import { machine, peakRssMiB, ROOT, startServer, writeSection } from './bench-support';
import { rawAggregate, rawInsert, rawNested } from './raw-floors';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
/** Reports per ingest sample: the rate is measured on this many, the rest of the corpus loads by the same path. */
const INGEST_SAMPLE = 1000;

const NESTED = `{ reports(first: 100) { edges { node { id year agency { name } cells(table: "t3") { address value status }
  figures { completionRate disclosureRate } checks { id status } } } } }`;
const aggregateQuery = (groupBy: string) => `{ aggregate(groupBy: [${groupBy}], measures: ["t3/new/total", "completionRate"]) { key { year region } count values { sum pooled } } }`;

interface Row {
  size: number;
  kind: string;
  parse: number;
  store: number;
  floorStore: number;
  nested: [number, number, number];
  byYear: [number, number, number];
  byRegion: [number, number, number];
  rssMiB: number;
  dbMiB: number;
}

/** Every measured row, kept between runs so that sizes and databases can be measured in separate runs. */
const ROWS_FILE = join(ROOT, 'bench', 'gateway-results.json');

export async function gatewayBenchmark(): Promise<void> {
  const wanted = (process.env.BENCH_KINDS ?? 'sqlite,postgres').split(',');
  const postgres = wanted.includes('postgres') && (await postgresReachable());
  const kinds = (['sqlite', 'postgres'] as const).filter((kind) => wanted.includes(kind) && (kind === 'sqlite' || postgres));
  const rows: Row[] = existsSync(ROWS_FILE) ? (JSON.parse(readFileSync(ROWS_FILE, 'utf8')) as Row[]) : [];
  for (const size of SIZES) {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
    try {
      const corpus = join(dir, 'corpus');
      await generateCorpus(corpus, { agencies: size / 4, fromYear: 2020, toYear: 2023, seed: size, damageRate: 0.2, truth: false });
      const files = readdirSync(corpus).filter((f) => /^\d{4}$/.test(f)).flatMap((year) => readdirSync(join(corpus, year)).map((f) => join(corpus, year, f)));
      const sample = files.slice(0, INGEST_SAMPLE).map((file) => readFileSync(file, 'utf8'));
      const parse = rate(sample.length, () => sample.forEach((text) => parseReport(text)));
      for (const kind of kinds) {
        const row = await measure(size, kind, dir, corpus, sample, parse);
        rows.splice(0, rows.length, ...rows.filter((r) => r.size !== size || r.kind !== kind), row);
        rows.sort((a, b) => a.size - b.size || a.kind.localeCompare(b.kind));
        // Written after every measurement: a long run that fails late keeps what it measured.
        writeFileSync(ROWS_FILE, `${JSON.stringify(rows, null, 1)}\n`);
        writeSection('gateway', report(rows));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

async function measure(size: number, kind: 'sqlite' | 'postgres', dir: string, corpus: string, sample: string[], parse: number): Promise<Row> {
  process.stdout.write(`bench ${kind} ${size} reports…\n`);
  const ours = await benchDatabase(kind, dir, `ours${size}`);
  const floor = await benchDatabase(kind, dir, `floor${size}`);
  try {
    const floorSource = await floor.open();
    const parsed = sample.map((text) => parseReport(text));
    const floorStore = await rateAsync(parsed.length, () => rawInsert(floorSource, parsed));
    await floorSource.destroy();
    const storeRate = await ingestCorpus(ours, corpus, size);
    const dataSource = await ours.open();
    // The gateway as deployed: its own process, in production mode.
    const server = await startServer(ours.target.kind === 'sqlite' ? ours.target.path : ours.target.url, { NODE_ENV: 'production' });
    try {
      const post = (query: string) => fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) }).then((r) => r.text());
      const nested = await compare(ours, NESTED, () => post(NESTED), () => rawNested(dataSource));
      const byYear = await compare(ours, aggregateQuery('YEAR'), () => post(aggregateQuery('YEAR')), () => rawAggregate(dataSource, 'year'));
      const byRegion = await compare(ours, aggregateQuery('REGION'), () => post(aggregateQuery('REGION')), () => rawAggregate(dataSource, 'region'));
      return { size, kind, parse, store: storeRate, floorStore, nested, byYear, byRegion, rssMiB: peakRssMiB(server.child.pid!), dbMiB: await ours.sizeMiB() };
    } finally {
      server.child.kill('SIGTERM');
      await dataSource.destroy();
    }
  } finally {
    await ours.drop();
    await floor.drop();
  }
}

/** Loads the whole corpus; returns the rate over the first INGEST_SAMPLE reports. */
async function ingestCorpus(database: BenchDatabase, corpus: string, size: number): Promise<number> {
  const dataSource = await database.open();
  try {
    const started = process.hrtime.bigint();
    let stored = 0;
    let storeRate = 0;
    for await (const outcome of ingestFiles(dataSource, [corpus])) {
      if ('refused' in outcome) throw new Error(`${outcome.path}: ${outcome.refused.message}`);
      if (++stored === Math.min(INGEST_SAMPLE, size)) storeRate = stored / seconds(started);
    }
    return storeRate;
  } finally {
    await dataSource.destroy();
  }
}

/** Medians of RUNS timings (ms) after a warm-up, ours and the floor, and the SQL statements the document sends (counted in-process). */
async function compare(database: BenchDatabase, document: string, ours: () => Promise<unknown>, floor: () => Promise<unknown>): Promise<[number, number, number]> {
  await ours();
  await floor();
  return [await median(ours), await median(floor), await statementsOf(database, document)];
}

async function statementsOf(database: BenchDatabase, document: string): Promise<number> {
  const counter = new StatementCounter();
  const dataSource = await openDatabase(database.target, { logger: counter, migrate: false });
  counter.count = 0; // not the statements the driver sends when it connects
  try {
    const result = await execute({ schema: await buildGatewaySchema(), document: parseDocument(document), contextValue: createContext(dataSource) });
    if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('; '));
    return counter.count;
  } finally {
    await dataSource.destroy();
  }
}

async function median(work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = process.hrtime.bigint();
    await work();
    times.push(seconds(start) * 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

function rate(count: number, work: () => void): number {
  const start = process.hrtime.bigint();
  work();
  return count / seconds(start);
}

async function rateAsync(count: number, work: () => Promise<void>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return count / seconds(start);
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function report(rows: Row[]): string {
  const f = (n: number, digits = 0) => n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const ratio = ([ours, floor]: [number, number, number]) => `${f(ours, 1)} / ${f(floor, 1)} = **${f(ours / floor, 2)}×**`;
  const lines = rows.map(
    (r) =>
      `| ${f(r.size)} | ${r.kind} | ${f(r.parse)} | ${f(r.store)} | ${f(r.floorStore)} (${f(r.floorStore / r.store, 1)}×) | ${ratio(r.nested)} (${r.nested[2]} stmts) | ${ratio(r.byYear)} (${r.byYear[2]}) | ${ratio(r.byRegion)} (${r.byRegion[2]}) | ${f(r.rssMiB)} | ${f(r.dbMiB)} |`,
  );
  const sqliteIngest = rows.filter((r) => r.kind === 'sqlite').map((r) => r.store);
  return `## Gateway against its floor (issue 6)

Machine: ${machine()}. Corpora from \`nianbao generate\` (size/4 agencies × 2020–2023, 20% damaged). Times are medians of ${RUNS} runs after a warm-up.

- **ingest**: reports/s parsing only, and parsing + storing one transaction per report (the first ${f(INGEST_SAMPLE)} reports, through \`ingestFiles\`);
  floor: the same rows by prepared multi-row INSERTs, one transaction per report (its factor over ours in brackets).
- **nested**: \`reports(first: 100)\` with t3 cells, figures and checks over HTTP, against four SELECTs and the same figures and checks built into JSON by hand.
- **aggregates**: \`aggregate(groupBy: [YEAR] / [REGION], measures: ["t3/new/total", "completionRate"])\` over HTTP against one hand-written GROUP BY.
- ms ours / ms floor = ratio; statements: SQL statements of one request of ours. Peak RSS: the gateway process (\`nianbao serve\`, NODE_ENV=production).

| reports | db | parse/s | parse+store/s | floor store/s | nested ms | by year ms | by region ms | peak RSS MiB | db MiB |
|---:|---|---:|---:|---:|---|---|---|---:|---:|
${lines.join('\n')}

Targets: aggregates ≤ 1.2× raw SQL, nested ≤ 2×, ingest ≥ 300 stored reports/s on SQLite (measured: ${sqliteIngest.map((n) => f(n)).join(', ')}).`;
}
