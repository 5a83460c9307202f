import { machine } from './bench-support';
import type { PeerCell, Run } from './peer.bench';
import { peerVersions } from './peer-server';

interface Summary {
  rps: number;
  p50: number;
  p99: number;
  cpuMs: number;
  dbCpuMs: number;
  errors: number;
}

function summarise(runs: Run[]): Summary {
  const total = (pick: (run: Run) => number) => runs.reduce((sum, run) => sum + pick(run), 0);
  // Latencies of rounds in which no request completed are not zero but unknown.
  const answered = runs.filter((run) => run.requests > 0);
  const median = (pick: (run: Run) => number) => answered.map(pick).sort((a, b) => a - b)[Math.floor(answered.length / 2)] ?? NaN;
  const requests = total((r) => r.requests);
  return {
    rps: requests / total((r) => r.seconds),
    p50: median((r) => r.p50),
    p99: median((r) => r.p99),
    cpuMs: (total((r) => r.cpu) * 1000) / requests,
    dbCpuMs: (total((r) => r.dbCpu) * 1000) / requests,
    errors: total((r) => r.errors),
  };
}

/** A number, or – where none could be measured (no request completed within a round, or a ratio to nothing). */
const f = (n: number, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '–');

/** The `peer` section of bench/RESULTS.md. */
export function peerReport(cells: PeerCell[], withDatabaseCpu: boolean, { size, seconds, rounds }: { size: number; seconds: number; rounds: number }): string {
  const queries = [...new Set(cells.map((cell) => cell.query))];
  const tables = queries.map((query) => {
    const rows = cells.filter((cell) => cell.query === query).flatMap((cell) => {
      const [ours, peer] = [summarise(cell.ours), summarise(cell.peer)];
      const row = (who: string, s: Summary) =>
        `| ${cell.connections} | ${who} | ${f(s.rps)} | ${f(s.p50)} | ${f(s.p99)} | ${f(s.cpuMs, 2)} | ${withDatabaseCpu ? f(s.dbCpuMs, 2) : '–'} | ${s.errors} |`;
      const ratio = `| ${cell.connections} | ours ÷ peer | **${f(ours.rps / peer.rps, 2)}×** | | **${f(ours.p99 / peer.p99, 2)}×** | ${f(ours.cpuMs / peer.cpuMs, 2)}× | | |`;
      return [row('Nianbao', ours), row('PostGraphile', peer), ratio];
    });
    return `### ${query.name}

| connections | server | req/s | p50 ms | p99 ms | server CPU ms/req | PostgreSQL CPU ms/req | errors |
|---:|---|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}`;
  });
  const targets = queries.map((query) => {
    const cell = cells.find((c) => c.query === query && c.connections === 10);
    if (!cell) return `- ${query.name}: not measured at 10 connections`;
    const [ours, peer] = [summarise(cell.ours), summarise(cell.peer)];
    const ratio = ours.rps / peer.rps;
    const p99 = query.p99AtMostPeer ? ` with p99 ≤ the peer's (${f(ours.p99)} ms against ${f(peer.p99)} ms)` : '';
    const met = ours.rps > 0 && peer.rps > 0 && ratio >= query.minRatio && (!query.p99AtMostPeer || ours.p99 <= peer.p99) && ours.errors + peer.errors === 0;
    const errors = ours.errors + peer.errors > 0 ? `; ${ours.errors + peer.errors} failed request(s)` : '';
    return `- ${query.name}, 10 connections: ≥ ${f(query.minRatio, 1)}× the peer's req/s${p99} — measured ${f(ratio, 2)}×${errors}: **${met ? 'met' : 'not met'}**`;
  });
  return `## Against a peer: PostGraphile 4 on the same database (issue: peer benchmark)

Machine: ${machine()}. Run on ${new Date().toISOString().slice(0, 10)}.
${f(size)} generated reports (${f(size / 4)} agencies × 2020–2023, 20% damaged, ingested through \`nianbao ingest\`) in one fresh PostgreSQL database read by both servers:
\`nianbao serve\` (NODE_ENV=production) and ${peerVersions()} (\`bench/peer-server.ts\`, NODE_ENV=production),
each in its own process on loopback, each with its driver's default pool of 10 connections. PostGraphile's grouped sum reads a view
\`report_t3_new_total\` (each report's year and t3/new/total) created in the bench database only. Before measuring, each query's
answers from both servers were normalised to the same plain structure and found identical (the run stops otherwise).

autocannon, ${rounds} round(s) of ${seconds} s per server and concurrency, alternating Nianbao, PostGraphile, Nianbao, …, after a 2 s warm-up of each.
req/s: requests answered ÷ seconds over all rounds (those still in flight when a round ends are not counted); p50/p99: the median of the rounds'; server CPU: user + system time of the server's process and every
process under it, ÷ requests; PostgreSQL CPU: the same over every process of the PostgreSQL server${withDatabaseCpu ? ' (anything else using it at the time counts too)' : ' (not measured: not on this machine)'}.
Queries: see \`bench/peer-queries.ts\`.

${tables.join('\n\n')}

Targets (ours ÷ peer, 10 connections):

${targets.join('\n')}`;
}
