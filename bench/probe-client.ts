import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * A client in a process of its own, so that the benchmark's autocannon does
 * not delay it: `poll` GETs a path every intervalMs whether or not the last
 * answer came; `loop` POSTs one GraphQL document back to back.
 */
export interface ProbeOptions {
  url: string;
  mode: 'poll' | 'loop';
  seconds: number;
  intervalMs?: number;
  /** For `loop`: a file holding the GraphQL document. */
  queryFile?: string;
}

export interface ProbeResult {
  count: number;
  p50: number;
  p99: number;
  max: number;
  errors: { transport: number; timeouts: number; non2xx: number; graphql: number };
  /** GraphQL error codes seen, with how often. */
  codes: Record<string, number>;
}

export function runProbe(options: ProbeOptions): Promise<ProbeResult> {
  const child = spawn(process.execPath, [__filename, JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(output) as ProbeResult) : reject(new Error(`probe ${options.mode} exited ${code}`))));
  });
}

async function probe(options: ProbeOptions): Promise<ProbeResult> {
  const latencies: number[] = [];
  const result: ProbeResult = { count: 0, p50: 0, p99: 0, max: 0, errors: { transport: 0, timeouts: 0, non2xx: 0, graphql: 0 }, codes: {} };
  const body = options.queryFile ? JSON.stringify({ query: readFileSync(options.queryFile, 'utf8') }) : undefined;
  const once = async () => {
    const started = performance.now();
    try {
      const response = await fetch(body ? `${options.url}/graphql` : options.url, {
        method: body ? 'POST' : 'GET',
        headers: body ? { 'content-type': 'application/json' } : {},
        body,
        signal: AbortSignal.timeout(body ? 120_000 : 10_000),
      });
      const text = await response.text();
      latencies.push(performance.now() - started);
      if (response.status < 200 || response.status > 299) result.errors.non2xx += 1;
      if (body && text.includes('"errors"')) {
        result.errors.graphql += 1;
        for (const error of (JSON.parse(text) as { errors: { extensions?: { code?: string } }[] }).errors) {
          const code = error.extensions?.code ?? 'none';
          result.codes[code] = (result.codes[code] ?? 0) + 1;
        }
      }
    } catch (error) {
      if ((error as Error).name !== 'TimeoutError') result.errors.transport += 1;
      else {
        result.errors.timeouts += 1;
        // A stall longer than the timeout still counts in the latencies, as at least the timeout.
        latencies.push(performance.now() - started);
      }
    }
  };
  const ends = performance.now() + options.seconds * 1000;
  if (options.mode === 'loop') {
    while (performance.now() < ends) await once();
  } else {
    const pending: Promise<void>[] = [];
    while (performance.now() < ends) {
      pending.push(once());
      await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 100));
    }
    await Promise.all(pending);
  }
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return { ...result, count: latencies.length, p50: at(0.5), p99: at(0.99), max: Math.round(latencies.at(-1) ?? 0) };
}

if (require.main === module) {
  probe(JSON.parse(process.argv[2]!) as ProbeOptions).then((result) => process.stdout.write(JSON.stringify(result)));
}
