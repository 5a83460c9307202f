import { execute, parse } from 'graphql';
import { request as httpRequest } from 'node:http';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../src/database/data-source';
import { StatementCounter } from '../src/database/statement-counter';
import { buildGatewaySchema } from '../src/schema/build-schema';
import { createContext } from '../src/server/context';
import { percentileSql } from '../src/services/percentile-sql';
import { postgresReachable } from './bench-database';
import { machine, startServer, writeSection, type GraphqlBody } from './bench-support';
import { percentileDatabases, type LoadedDatabase } from './percentile-databases';
import { T3_TOTALS_JOIN } from './raw-floors';

const SIZE = Number(process.env.BENCH_PERCENTILE_SIZE ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const QUARTILES = [0.25, 0.5, 0.75];

/** The gateway's request: the quartiles of a count and of a rate (each report's own), by year or over every report. */
const ourQuery = (groupBy: string, fields = 'p25 median p75') => `{ aggregate(groupBy: [${groupBy}], measures: ["t3/new/total", "completionRate"]) { key { year } count values { ${fields} } } }`;

/** The same by hand, straight over the cells: each report's three t3 totals, its rate, the percentiles. */
function handWritten(postgres: boolean, byYear: boolean): string {
  const rate = 'CASE WHEN c.new_total + c.carried_over = 0 THEN NULL ELSE CAST(c.results AS DOUBLE PRECISION) / (c.new_total + c.carried_over) END';
  const percentiles = [...QUARTILES.map((p) => percentileSql(postgres, 'c.new_total', String(p))), ...QUARTILES.map((p) => percentileSql(postgres, rate, String(p)))];
  return `
    SELECT ${byYear ? 'r.year AS year, ' : ''}COUNT(*) AS n, ${percentiles.map((sql, i) => `${sql} AS q${i}`).join(', ')}
    FROM report r
    ${T3_TOTALS_JOIN}
    ${byYear ? 'GROUP BY r.year ORDER BY r.year' : ''}`;
}

interface Timing {
  kind: string;
  grouping: string;
  ours: number;
  floor: number;
  /** Ours asking for sum and mean instead: what the percentiles add. */
  plain: number;
  statements: number;
  groups: number;
}

/** `BENCH_ONLY=percentile npm run bench`: the gateway's percentiles against one hand-written statement, on SQLite and PostgreSQL. */
export async function percentileBenchmark(): Promise<void> {
  const wanted = (process.env.BENCH_KINDS ?? 'sqlite,postgres').split(',');
  const postgres = wanted.includes('postgres') && (await postgresReachable());
  const kinds = (['sqlite', 'postgres'] as const).filter((kind) => wanted.includes(kind) && (kind === 'sqlite' || postgres));
  const { databases, cleanup } = await percentileDatabases([...kinds], SIZE);
  try {
    const timings: Timing[] = [];
    for (const kind of kinds) timings.push(...(await measure(kind, databases.get(kind)!)));
    writeSection('percentile', report(timings, [...databases].map(([kind, loaded]) => `${kind} (${loaded.loadedBy === 'copy' ? 'its agencies, reports and cells copied from the SQLite database' : 'by `nianbao ingest`'})`)));
  } finally {
    await cleanup();
  }
}

async function measure(kind: 'sqlite' | 'postgres', loaded: LoadedDatabase): Promise<Timing[]> {
  const counter = new StatementCounter();
  const dataSource = await openDatabase(loaded.database.target, { logger: counter, migrate: false });
  const server = await startServer(loaded.serve, { NODE_ENV: 'production' });
  try {
    const timings: Timing[] = [];
    for (const [grouping, byYear] of [['YEAR', true], ['none', false]] as const) {
      const query = ourQuery(byYear ? 'YEAR' : '');
      const sql = handWritten(kind === 'postgres', byYear);
      const ours = async () => {
        const body = await postFresh(server.url, query);
        if (body.errors?.length || !body.data) throw new Error(`${kind} ${grouping}: ${JSON.stringify(body.errors)}`);
        return body.data.aggregate as OurGroup[];
      };
      const floor = () => dataSource.query(sql) as Promise<FloorRow[]>;
      process.stdout.write(`percentile: ${kind}, grouped by ${grouping}…\n`);
      const groups = assertSame(`${kind} ${grouping}`, await ours(), await floor());
      const plainQuery = ourQuery(byYear ? 'YEAR' : '', 'sum mean');
      const plain = () => postFresh(server.url, plainQuery);
      await plain();
      const times = { ours: [] as number[], floor: [] as number[], plain: [] as number[] };
      // Alternating, so that whatever else the machine does falls on all alike.
      for (let run = 0; run < RUNS; run += 1) {
        times.ours.push(await timed(ours));
        times.floor.push(await timed(floor));
        times.plain.push(await timed(plain));
      }
      const [o, f, p] = [median(times.ours), median(times.floor), median(times.plain)];
      timings.push({ kind, grouping, ours: o, floor: f, plain: p, statements: await statementsOf(dataSource, counter, query), groups });
    }
    return timings;
  } finally {
    server.child.kill('SIGTERM');
    await dataSource.destroy();
  }
}

type OurGroup = { key: { year: number | null }; count: number; values: { p25: number | null; median: number | null; p75: number | null }[] };
type FloorRow = Record<string, string | number | null>;

/** Throws unless both give the same groups, counts and six percentiles (to 1e-9); returns the number of groups. */
function assertSame(what: string, ours: OurGroup[], floor: FloorRow[]): number {
  if (ours.length !== floor.length) throw new Error(`${what}: ${ours.length} groups against ${floor.length}`);
  ours.forEach((group, i) => {
    const row = floor[i]!;
    const mine = [group.key.year, group.count, ...group.values.flatMap((v) => [v.p25, v.median, v.p75])];
    const theirs = ['year' in row ? Number(row.year) : null, Number(row.n), ...Array.from({ length: 6 }, (_, q) => (row[`q${q}`] === null ? null : Number(row[`q${q}`])))];
    mine.forEach((value, j) => {
      const other = theirs[j]!;
      if (value === null || other === null ? value !== other : Math.abs(value - other) > 1e-9 * Math.max(1, Math.abs(other))) {
        throw new Error(`${what}: group ${i} differs at ${j}: ours ${value}, hand-written ${other}`);
      }
    });
  });
  return ours.length;
}

/** SQL statements one request sends, counted in an in-process gateway over the same database. */
async function statementsOf(dataSource: DataSource, counter: StatementCounter, query: string): Promise<number> {
  counter.count = 0;
  const result = await execute({ schema: await buildGatewaySchema(), document: parse(query), contextValue: createContext(dataSource) });
  if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('; '));
  return counter.count;
}

/**
 * One GraphQL request on a connection of its own: the floor's statement runs
 * longer than the server keeps an idle connection, and a kept one it has just
 * closed fails the next request.
 */
function postFresh(url: string, query: string): Promise<GraphqlBody> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify({ query });
    const request = httpRequest(`${url}/graphql`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        try {
          resolve(JSON.parse(text) as GraphqlBody);
        } catch {
          reject(new Error(`HTTP ${response.statusCode}: ${text.slice(0, 300)}`));
        }
      });
    });
    request.on('error', reject);
    request.end(payload);
  });
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function report(timings: Timing[], loads: string[]): string {
  const f = (n: number, digits = 1) => n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const rows = timings.map(
    (t) => `| ${t.kind} | ${t.grouping === 'YEAR' ? 'by YEAR' : 'ungrouped'} | ${t.groups} | ${f(t.ours)} | ${f(t.floor)} | **${f(t.ours / t.floor, 2)}×** | ${t.statements} | ${f(t.plain)} (${f(t.ours / t.plain, 2)}×) |`,
  );

  const verdicts = timings.map((t) => `${t.kind} ${t.grouping === 'YEAR' ? 'by YEAR' : 'ungrouped'}: ${f(t.ours / t.floor, 2)}× — ${t.ours / t.floor <= 1.5 ? 'met' : '**not met**'}`);
  return `## Percentiles in aggregates

Machine: ${machine()}. Run on ${new Date().toISOString().slice(0, 10)}.
${SIZE.toLocaleString('en')} generated reports (${(SIZE / 4).toLocaleString('en')} agencies × 2020–2023, 20% damaged, agencies.csv imported), loaded into ${loads.join(' and ')}.
Ours: \`${ourQuery('YEAR')}\` (and with \`groupBy: []\`) over HTTP to \`nianbao serve\` (NODE_ENV=production), each request on a fresh connection.
Floor: one hand-written statement over \`report\` and \`table_cell\` giving the same six percentiles (\`bench/percentile.bench.ts\`), through the driver.
Both answers were found equal (groups, counts, percentiles to 1e-9) before timing. Times: medians of ${RUNS} alternating runs after that first one, in ms;
statements: SQL statements of one request of ours; plain: ours asking for \`sum mean\` instead of the percentiles (in brackets, what the percentiles cost: ours ÷ plain).

| db | grouping | groups | ours ms | floor ms | ratio | statements | plain ms |
|---|---|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}

Target: ratio ≤ 1.5 — ${verdicts.join('; ')}.`;
}
