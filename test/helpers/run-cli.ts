import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const BIN = join(__dirname, '..', '..', 'bin', 'nianbao.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built `nianbao` command as a user would (needs `npm run build` first, which `npm test` does), in `cwd` if given.
 * `timeoutMs`: a safety net for a command that might not end; past it the process is killed and `status` is null.
 */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, options: { timeoutMs?: number; cwd?: string } = {}): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', NIANBAO_DB: '', ...env },
    maxBuffer: 64 * 1024 * 1024,
    timeout: options.timeoutMs,
    killSignal: 'SIGKILL',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function ndjson<T>(text: string): T[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}
