import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const BIN = join(__dirname, '..', '..', 'bin', 'nianbao.js');

export interface ServeProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process printed so far (its JSON log included). */
  output(): string;
  graphql<T>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ data?: T; errors?: { message: string }[] }>;
  stop(): Promise<void>;
}

/**
 * `nianbao serve` as its own process, as a replica runs: its database from args and environment.
 * `processGroup`: in a process group of its own (with its read workers), as a terminal runs it, so a signal can reach the whole group.
 */
export async function startServeProcess(args: string[], env: NodeJS.ProcessEnv, options: { processGroup?: boolean } = {}): Promise<ServeProcess> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn', ...env }, detached: options.processGroup });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Nianbao gateway at (http:\/\/[^/ ]+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`serve exited ${code}:\n${output}`)));
  });
  return {
    url,
    child,
    output: () => output,
    async graphql(query, variables, headers = {}) {
      const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
      return response.json() as never;
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Polls /healthz until stopped; counts the answers. */
export function pollHealth(url: string): { stop(): Promise<number> } {
  let answered = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      if ((await fetch(`${url}/healthz`)).status === 200) answered += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return answered;
    },
  };
}
