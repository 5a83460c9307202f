import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpusFiles, loadedDatabase } from './bench-corpus';
import { postgresReachable, postgresServerPid, runSql } from './bench-database';
import { cannon, cpuSeconds, cpuSpent, postGraphql, processTree, startServer, writeSection } from './bench-support';
import { assertSameData, PEER_VIEW_SQL, peerQueries, type PeerQuery } from './peer-queries';
import { peerReport } from './peer-report';
import { ensurePeerInstalled, startPeerServer } from './peer-server';

const PEER_SETTINGS = {
  size: Number(process.env.BENCH_PEER_SIZE ?? 10_000),
  seconds: Number(process.env.BENCH_PEER_SECONDS ?? 12),
  rounds: Number(process.env.BENCH_PEER_ROUNDS ?? 3),
  connections: [1, 10],
};

/** One autocannon run against one server. */
export interface Run {
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  /** CPU seconds of the server's process tree, and of the PostgreSQL server's. */
  cpu: number;
  dbCpu: number;
  errors: number;
}

export interface PeerCell {
  query: PeerQuery;
  connections: number;
  ours: Run[];
  peer: Run[];
}

interface Server {
  url: string;
  child: ChildProcess;
}

/** `BENCH_ONLY=peer npm run bench`: the gateway against PostGraphile 4 on the same PostgreSQL database, same data, same run. */
export async function peerBenchmark(): Promise<void> {
  if (!(await postgresReachable())) throw new Error('the peer benchmark needs PostgreSQL (BENCH_POSTGRES_URL)');
  ensurePeerInstalled();
  const { size } = PEER_SETTINGS;
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-peer-'));
  try {
    process.stdout.write(`peer: generating and ingesting ${size} reports…\n`);
    const corpus = await generateCorpusFiles(dir, { agencies: size / 4, years: '2020-2023', seed: size });
    const { database, serve } = await loadedDatabase('postgres', dir, `peer${size}`, corpus, false);
    const servers: Server[] = [];
    try {
      await runSql(serve, PEER_VIEW_SQL);
      const ours = await startServer(serve, { NODE_ENV: 'production' });
      servers.push(ours);
      const peer = await startPeerServer(serve);
      servers.push(peer);
      const queries = peerQueries(Math.ceil(size / 2));
      for (const query of queries) assertSameData(query, (await postGraphql(ours.url, query.ours)).body, (await postGraphql(peer.url, query.peer)).body);
      process.stdout.write('peer: both servers return the same data for every query\n');
      const postgres = await postgresServerPid();
      const cells: PeerCell[] = [];
      for (const query of queries) {
        await cannon(ours.url, query.ours, 10, Math.min(2, PEER_SETTINGS.seconds));
        await cannon(peer.url, query.peer, 10, Math.min(2, PEER_SETTINGS.seconds));
        for (const connections of PEER_SETTINGS.connections) {
          const cell: PeerCell = { query, connections, ours: [], peer: [] };
          for (let round = 0; round < PEER_SETTINGS.rounds; round += 1) {
            cell.ours.push(await measure(ours, query.ours, connections, postgres));
            cell.peer.push(await measure(peer, query.peer, connections, postgres));
          }
          cells.push(cell);
          process.stdout.write(`peer: ${query.name}, ${connections} connection(s) measured\n`);
        }
      }
      writeSection('peer', peerReport(cells, postgres !== undefined, PEER_SETTINGS));
    } finally {
      for (const server of servers) server.child.kill('SIGTERM');
      await database.drop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(server: Server, query: string, connections: number, postgres: number | undefined): Promise<Run> {
  const pid = server.child.pid!;
  const [before, dbBefore] = [cpuSeconds(processTree(pid)), cpuSeconds(postgres ? processTree(postgres) : [])];
  const { result, graphqlErrors } = await cannon(server.url, query, connections, PEER_SETTINGS.seconds);
  const [after, dbAfter] = [cpuSeconds(processTree(pid)), cpuSeconds(postgres ? processTree(postgres) : [])];
  return {
    requests: result.requests.total,
    seconds: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpu: cpuSpent(before, after),
    dbCpu: cpuSpent(dbBefore, dbAfter),
    errors: result.errors + result.timeouts + result.non2xx + graphqlErrors,
  };
}
