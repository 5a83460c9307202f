import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { machine, peakRssMiB, runMeasured, startServer, writeSection } from './bench-support';

const CONNECTIONS = Number(process.env.BENCH_LOAD_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
const AGENCIES = 300;

/** The mix: what the frontend, the IDE's analysts and the review scripts send, nested and aggregate alike. */
const QUERIES: Record<string, string> = {
  'nested page': '{ reports(first: 20) { totalCount edges { node { id year agency { name } tables { code rows { code cells { address value status } } } } } } }',
  'report detail': '{ report(id: "7") { title sections { code text } figures { completionRate disclosureRate } checks { id status expected actual } previous { year } yearOverYear(measure: "t3/new/total") { absolute relative } } }',
  'checks page': '{ reports(first: 20, filter: { years: [2023] }) { edges { node { id agency { name } failingChecks checks { id status } } } } }',
  'aggregate by year': '{ aggregate(groupBy: [YEAR], measures: ["t3/new/total", "completionRate", "reportCompleteness"]) { key { year } count values { sum mean pooled } } }',
  'aggregate by region and level': '{ aggregate(groupBy: [REGION, LEVEL], filter: { years: [2023] }, measures: ["t3/new/total", "disclosureRate"]) { key { region level } count values { sum pooled } } }',
  rank: '{ rank(measure: "disclosureRate", groupBy: [AGENCY], limit: 10, minSample: 5) { key { agency { name } } value { pooled } } }',
};

interface Outcome {
  result: autocannon.Result;
  graphqlErrors: number;
  peakMiB: number;
}

async function runLoad(url: string, pid: number): Promise<Outcome> {
  let graphqlErrors = 0;
  const requests: autocannon.Request[] = Object.values(QUERIES).map((query) => ({
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    onResponse: (status: number, body: string) => {
      if (status === 200 && body.includes('"errors"')) graphqlErrors += 1;
    },
  }));
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, requests });
  return { result, graphqlErrors, peakMiB: peakRssMiB(pid) };
}

/** `BENCH_ONLY=load npm run bench`: 50 clients for 30 s of mixed queries against `nianbao serve` on loopback; fails on any error. */
export async function loadBenchmark(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-load-'));
  try {
    const corpus = join(dir, 'corpus');
    const db = join(dir, 'load.sqlite');
    await runMeasured(['generate', '--agencies', String(AGENCIES), '--years', '2021-2023', '--out', corpus, '--seed', '5']);
    await runMeasured(['ingest', corpus, '--db', db]);
    await runMeasured(['agencies', 'import', join(corpus, 'agencies.csv'), '--db', db]);
    const server = await startServer(db, { NODE_ENV: 'production' });
    let outcome: Outcome;
    try {
      outcome = await runLoad(server.url, server.child.pid!);
    } finally {
      server.child.kill('SIGTERM');
    }
    const { result, graphqlErrors, peakMiB } = outcome;
    const failures = result.errors + result.timeouts + result.non2xx + graphqlErrors;
    const l = result.latency;
    writeSection(
      'load',
      `## Load (issue 7)

\`nianbao serve\` (NODE_ENV=production, SQLite, ${AGENCIES * 3} generated reports) on loopback; autocannon with ${CONNECTIONS} connections for ${SECONDS} s,
each cycling through ${Object.keys(QUERIES).length} queries: ${Object.keys(QUERIES).join(', ')} (see \`bench/load.bench.ts\`).
Machine: ${machine()}.

| requests | req/s | p50 ms | p90 ms | p99 ms | max ms | transport errors | timeouts | non-2xx | GraphQL errors | peak RSS MiB |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
| ${result.requests.total.toLocaleString('en')} | ${result.requests.average.toFixed(0)} | ${l.p50} | ${l.p90} | ${l.p99} | ${l.max} | ${result.errors} | ${result.timeouts} | ${result.non2xx} | ${graphqlErrors} | ${peakMiB.toFixed(0)} |

Target: zero errors of any kind — ${failures === 0 ? 'met' : `**not met: ${failures}**`}.`,
    );
    process.stdout.write(`load: ${result.requests.total} requests, p50 ${l.p50} ms, p99 ${l.p99} ms, ${failures} failure(s)\n`);
    if (failures > 0) throw new Error(`load benchmark: ${failures} failed request(s)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
