import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { startServeProcess, type ServeProcess } from './serve-process';

const ROOT = join(__dirname, '..', '..');

/** The arguments `npm start` gives `nianbao` (package.json's `start` script, which must stay `node bin/nianbao.js serve …`). */
export function npmStartArgs(): string[] {
  const start = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start ?? '';
  const match = /^node bin\/nianbao\.js (serve( .*)?)$/.exec(start);
  if (!match) throw new Error(`package.json's start script is not "node bin/nianbao.js serve …": ${start}`);
  return match[1]!.split(/\s+/);
}

/**
 * `nianbao serve` as its own process, started as `npm start` starts it — the same
 * options and `--load` paths (taken from the repository root) — on a free
 * loopback port and the SQLite file `db`, so it loads what `npm start` loads.
 */
export function startAsNpmStart(db: string): Promise<ServeProcess> {
  const [, ...options] = npmStartArgs();
  let loading = false;
  const rooted = options.map((arg) => {
    if (arg.startsWith('-')) loading = arg === '--load';
    return loading && !arg.startsWith('-') && !isAbsolute(arg) ? join(ROOT, arg) : arg;
  });
  return startServeProcess(['--db', db, ...rooted], { NIANBAO_DB: '' });
}
