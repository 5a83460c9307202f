import autocannon from 'autocannon';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');
export const BIN = join(ROOT, 'bin', 'nianbao.js');
const RESULTS = join(ROOT, 'bench', 'RESULTS.md');

/** Peak resident memory of a process so far (VmHWM), in MiB. */
export function peakRssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

/** Runs a command to its end, sampling its peak RSS; returns it in MiB. */
export async function runMeasured(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ peakMiB: number; stdout: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, DATABASE_URL: '', ...env } });
  let stdout = '';
  let peak = 0;
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, peakRssMiB(child.pid!));
    } catch {
      // the process has just exited
    }
  }, 20);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(timer);
  if (code !== 0) throw new Error(`nianbao ${args.join(' ')} exited ${code}`);
  return { peakMiB: peak, stdout };
}

/** Starts `nianbao serve` (a SQLite path, or a PostgreSQL URL) on a free loopback port and returns its URL once it listens. */
export async function startServer(db: string, env: NodeJS.ProcessEnv = {}): Promise<{ url: string; child: ChildProcess }> {
  const database = db.startsWith('postgres') ? { args: [], env: { DATABASE_URL: db } } : { args: ['--db', db], env: { DATABASE_URL: '' } };
  const child = spawn(process.execPath, [BIN, 'serve', ...database.args, '--port', '0'], { env: { ...process.env, LOG_LEVEL: 'warn', ...database.env, ...env } });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Nianbao gateway at (http:\/\/[^/ ]+)\//.exec(output);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${output}`)));
  });
  return { url, child };
}

/** A process and every process under it, found through the parent ids in /proc. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    const parent = Number.isInteger(pid) ? statFields(pid)?.[1] : undefined;
    if (parent !== undefined) children.set(Number(parent), [...(children.get(Number(parent)) ?? []), pid]);
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i += 1) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/**
 * CPU seconds (user + system) of each process, with those of its children it
 * has already reaped, so a child that ends between two readings is not lost.
 */
export function cpuSeconds(pids: number[]): Map<number, number> {
  const times = new Map<number, number>();
  for (const pid of pids) {
    const fields = statFields(pid);
    // After the command: state is field 3 (index 0 here), utime/stime/cutime/cstime fields 14–17.
    if (fields) times.set(pid, fields.slice(11, 15).reduce((sum, ticks) => sum + Number(ticks), 0) / CLOCK_TICKS);
  }
  return times;
}

/** CPU seconds spent between two readings; a process that started in between counts from zero, one that ended is left out. */
export function cpuSpent(before: Map<number, number>, after: Map<number, number>): number {
  let spent = 0;
  for (const [pid, seconds] of after) spent += seconds - (before.get(pid) ?? 0);
  return spent;
}

/** Peak RSS (VmHWM) summed over a process tree, in MiB: a sum of peaks, which need not have coincided. */
export function treePeakRssMiB(root: number): number {
  return processTree(root).reduce((sum, pid) => {
    try {
      return sum + peakRssMiB(pid);
    } catch {
      return sum; // ended while being read
    }
  }, 0);
}

function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** One GraphQL request over HTTP: the status, the parsed body, and the wall time in ms. */
export async function postGraphql(url: string, query: string, timeoutMs = 120_000): Promise<{ status: number; body: GraphqlBody; ms: number }> {
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }), signal: AbortSignal.timeout(timeoutMs) });
  const text = await response.text();
  let body: GraphqlBody;
  try {
    body = JSON.parse(text) as GraphqlBody;
  } catch {
    body = { errors: [{ message: text.slice(0, 300), extensions: { code: 'NOT_JSON' } }] };
  }
  return { status: response.status, body, ms: performance.now() - started };
}

export interface GraphqlBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** autocannon on one GraphQL document, counting 200 answers that carry GraphQL errors. */
export async function cannon(url: string, query: string, connections: number, seconds: number): Promise<{ result: autocannon.Result; graphqlErrors: number }> {
  let graphqlErrors = 0;
  const request: autocannon.Request = {
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    onResponse: (status: number, body: string) => {
      if (status === 200 && body.includes('"errors"')) graphqlErrors += 1;
    },
  };
  const result = await autocannon({ url, connections, duration: seconds, requests: [request] });
  return { result, graphqlErrors };
}

export function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

/** Replaces this benchmark's section of bench/RESULTS.md, keeping the others. */
export function writeSection(name: string, markdown: string): void {
  let text: string;
  try {
    text = readFileSync(RESULTS, 'utf8');
  } catch {
    text = '# Benchmark results\n\nWritten by `npm run bench`; each section by its own benchmark.\n';
  }
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const section = `${start}\n${markdown.trim()}\n${end}`;
  const at = text.indexOf(start);
  text = at >= 0 ? text.slice(0, at) + section + text.slice(text.indexOf(end) + end.length) : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(RESULTS, text);
}
