import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
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
