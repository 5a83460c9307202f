import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type autocannon from 'autocannon';
import { generateCorpusFiles, loadedDatabase } from './bench-corpus';
import { postgresReachable } from './bench-database';
import { cannon, postGraphql, startServer, treePeakRssMiB, writeSection } from './bench-support';
import { discoverExpensiveQuery, type ExpensiveQuery } from './expensive-query';
import { loadReport } from './load-report';
import { runProbe, type ProbeResult } from './probe-client';

export const LOAD_SETTINGS = {
  agencies: Number(process.env.BENCH_LOAD_AGENCIES ?? 250),
  connections: Number(process.env.BENCH_LOAD_CONNECTIONS ?? 50),
  seconds: Number(process.env.BENCH_LOAD_SECONDS ?? 30),
  deadlineSeconds: Number(process.env.BENCH_DEADLINE_SECONDS ?? 10),
  healthzEveryMs: 100,
};

/** What the frontend's listing sends: a page of 20 with figures, t3 cells and the checks that fail. */
export const PAGE_QUERY = `{ reports(first: 20) { edges { node { id agency { name } figures { completionRate disclosureRate }
  cells(table: "t3") { address value status } failingChecks checks { id status expected actual } } } } }`;

export interface LoadOutcome {
  kind: 'sqlite' | 'postgres';
  page: { result: autocannon.Result; graphqlErrors: number };
  expensive: ExpensiveQuery & { run: ProbeResult };
  healthz: ProbeResult;
  peakRssMiB: number;
  deadline: { timeoutMs: number; aloneMs: number; run: ProbeResult; healthz: ProbeResult };
}

/** `BENCH_ONLY=load npm run bench`: 50 clients on the page, one on the costliest aggregate, /healthz every 100 ms; then a short deadline. */
export async function loadBenchmark(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-load-'));
  try {
    const corpus = await generateCorpusFiles(dir, { agencies: LOAD_SETTINGS.agencies, years: '2020-2023', seed: 5 });
    const kinds = (await postgresReachable()) ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);
    const outcomes: LoadOutcome[] = [];
    for (const kind of kinds) {
      outcomes.push(await loadOne(kind, dir, corpus));
      writeSection('load', loadReport(outcomes, LOAD_SETTINGS));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function loadOne(kind: 'sqlite' | 'postgres', dir: string, corpus: string): Promise<LoadOutcome> {
  const { database, serve } = await loadedDatabase(kind, dir, `load_${kind}`, corpus, true);
  try {
    const server = await startServer(serve, { NODE_ENV: 'production' });
    let measured: Omit<LoadOutcome, 'deadline'>;
    let aloneMs: number;
    const queryFile = join(dir, `expensive-${kind}.graphql`);
    try {
      const expensive = await discoverExpensiveQuery(server.url);
      writeFileSync(queryFile, expensive.query);
      process.stdout.write(`load ${kind}: the costliest aggregate has ${expensive.measures} measures (${expensive.stoppedBy})\n`);
      const { connections, seconds, healthzEveryMs } = LOAD_SETTINGS;
      const [page, run, healthz] = await Promise.all([
        cannon(server.url, PAGE_QUERY, connections, seconds),
        runProbe({ url: server.url, mode: 'loop', seconds, queryFile }),
        runProbe({ url: `${server.url}/healthz`, mode: 'poll', seconds, intervalMs: healthzEveryMs }),
      ]);
      measured = { kind, page, expensive: { ...expensive, run }, healthz, peakRssMiB: treePeakRssMiB(server.child.pid!) };
      const alone: number[] = [];
      for (let i = 0; i < 3; i += 1) alone.push((await postGraphql(server.url, expensive.query)).ms);
      aloneMs = median(alone);
    } finally {
      server.child.kill('SIGTERM');
    }
    process.stdout.write(`load ${kind}: ${measured.page.result.requests.total} page requests, /healthz p99 ${measured.healthz.p99} ms\n`);
    return { ...measured, deadline: await deadlineRun(serve, queryFile, aloneMs) };
  } finally {
    await database.drop();
  }
}

/** A gateway whose time limit is a quarter of what the costliest aggregate takes alone, sent that aggregate back to back. */
async function deadlineRun(serve: string, queryFile: string, aloneMs: number): Promise<LoadOutcome['deadline']> {
  const timeoutMs = Math.max(1, Math.round(aloneMs / 4));
  const server = await startServer(serve, { NODE_ENV: 'production', NIANBAO_QUERY_TIMEOUT_MS: String(timeoutMs) });
  try {
    const seconds = LOAD_SETTINGS.deadlineSeconds;
    const [run, healthz] = await Promise.all([
      runProbe({ url: server.url, mode: 'loop', seconds, queryFile }),
      runProbe({ url: `${server.url}/healthz`, mode: 'poll', seconds, intervalMs: LOAD_SETTINGS.healthzEveryMs }),
    ]);
    return { timeoutMs, aloneMs, run, healthz };
  } finally {
    server.child.kill('SIGTERM');
  }
}

function median(values: number[]): number {
  return values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}
