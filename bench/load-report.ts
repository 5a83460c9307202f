import { machine } from './bench-support';
import type { LoadOutcome } from './load.bench';
import type { ProbeResult } from './probe-client';

const f = (n: number) => Math.round(n).toLocaleString('en');
const met = (ok: boolean) => (ok ? 'met' : '**not met**');
const errorCells = (e: ProbeResult['errors']) => `${e.transport} | ${e.timeouts} | ${e.non2xx} | ${e.graphql}`;
const codes = (run: ProbeResult) => Object.entries(run.codes).map(([code, n]) => `${code} × ${n}`).join(', ') || 'none';
const timedOut = (run: ProbeResult) => run.codes.QUERY_TIMEOUT ?? 0;

/** The `load` section of bench/RESULTS.md. */
export function loadReport(outcomes: LoadOutcome[], settings: { agencies: number; connections: number; seconds: number; deadlineSeconds: number; healthzEveryMs: number }): string {
  const { agencies, connections, seconds, deadlineSeconds, healthzEveryMs } = settings;
  const load = outcomes.map(({ kind, page: { result }, expensive, healthz, peakRssMiB }) => {
    const l = result.latency;
    return `| ${kind} | ${f(result.requests.total)} | ${f(result.requests.total / result.duration)} | ${l.p50} | ${l.p99} | ${healthz.p50} | ${healthz.p99} | ${healthz.max} | ${expensive.measures} | ${expensive.run.count} | ${expensive.run.p50} | ${f(peakRssMiB)} |`;
  });
  const errors = outcomes.flatMap(({ kind, page, expensive, healthz, deadline }) => [
    `| ${kind} | page | ${page.result.errors} | ${page.result.timeouts} | ${page.result.non2xx} | ${page.graphqlErrors} |`,
    `| ${kind} | costliest aggregate | ${errorCells(expensive.run.errors)} |`,
    `| ${kind} | /healthz | ${errorCells(healthz.errors)} |`,
    `| ${kind} | deadline: aggregate (codes: ${codes(deadline.run)}) | ${errorCells(deadline.run.errors)} |`,
    `| ${kind} | deadline: /healthz | ${errorCells(deadline.healthz.errors)} |`,
  ]);
  const deadlines = outcomes.map(({ kind, deadline: { timeoutMs, aloneMs, run, healthz } }) =>
    `| ${kind} | ${f(aloneMs)} | ${timeoutMs} | ${run.count} | ${timedOut(run)} | ${run.p50} | ${run.max} | ${run.max - timeoutMs} | ${healthz.p99} | ${healthz.max} |`,
  );
  const stopped = outcomes.map(({ kind, expensive }) => `  - ${kind}: ${expensive.measures} measures; one more got ${expensive.stoppedBy}`);
  const healthzTargets = outcomes.flatMap(({ kind, healthz, deadline }) => [
    `  - ${kind}, 50-client load: ${healthz.p99} ms — ${met(healthz.count > 0 && healthz.p99 < 100)}`,
    `  - ${kind}, deadline run: ${deadline.healthz.p99} ms — ${met(deadline.healthz.count > 0 && deadline.healthz.p99 < 100)}`,
  ]);
  const deadlineTargets = outcomes.map(({ kind, deadline: { timeoutMs, run } }) => {
    const all = run.count > 0 && timedOut(run) === run.count;
    const what = all ? `every answer QUERY_TIMEOUT, at most ${run.max - timeoutMs} ms past the deadline` : `${timedOut(run)} of ${run.count} answers QUERY_TIMEOUT (codes: ${codes(run)}), the slowest ${run.max - timeoutMs} ms past the deadline`;
    return `  - ${kind}: ${what} — ${met(all && run.max - timeoutMs <= 1000)}`;
  });
  const rssTargets = outcomes.map(({ kind, peakRssMiB }) => `  - ${kind}: ${f(peakRssMiB)} MiB — ${met(peakRssMiB <= 400)}`);
  return `## Load (issue 7)

Machine: ${machine()}. Run on ${new Date().toISOString().slice(0, 10)}.
${f(agencies * 4)} generated reports (${agencies} agencies × 2020–2023, 20% damaged, agencies.csv imported) in SQLite and in PostgreSQL,
each served by \`nianbao serve\` (NODE_ENV=production) on loopback. For ${seconds} s at once:

- autocannon with ${connections} connections on a page of 20 reports with figures, t3 cells, failingChecks and checks (\`PAGE_QUERY\` in \`bench/load.bench.ts\`);
- one more client sending, back to back, the costliest aggregate the limits let through: \`aggregate(groupBy: [AGENCY, YEAR], measures: […])\`
  with as many measures as the running server answers with data, found by trying sizes against it (doubling, then bisecting):
${stopped.join('\n')}
- a /healthz request every ${healthzEveryMs} ms, whether or not the last one was answered.

Both extra clients run in processes of their own. Peak RSS: VmHWM of the gateway's process and of each process under it, summed
(a sum of peaks, which need not have coincided), read at the end of the load (the peaks include the trials that sized the aggregate).

| db | page requests | req/s | page p50 ms | page p99 ms | /healthz p50 ms | /healthz p99 ms | /healthz max ms | aggregate measures | aggregate answers | aggregate p50 ms | peak RSS MiB (Σ tree) |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${load.join('\n')}

Errors of every kind:

| db | traffic | transport | timeouts | non-2xx | GraphQL errors |
|---|---|---:|---:|---:|---:|
${errors.join('\n')}

Deadline: a gateway started with \`NIANBAO_QUERY_TIMEOUT_MS\` at a quarter of the costliest aggregate's time alone (the median of 3 runs
after the load), sent that aggregate back to back for ${deadlineSeconds} s, with /healthz every ${healthzEveryMs} ms.
"Past the deadline" is the slowest answer's time minus the limit.

| db | aggregate alone ms | limit ms | answers | QUERY_TIMEOUT | p50 ms | max ms | max past deadline ms | /healthz p99 ms | /healthz max ms |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${deadlines.join('\n')}

Targets:

- /healthz p99 < 100 ms in every load:
${healthzTargets.join('\n')}
- QUERY_TIMEOUT within 1 s of the deadline:
${deadlineTargets.join('\n')}
- peak RSS ≤ 400 MiB under the ${connections}-client load:
${rssTargets.join('\n')}`;
}
