import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * The compiled script `file` of the folder `dir` (a `__dirname` under `src` or
 * `dist`), for a worker to run: beside it when running from `dist`, and in
 * `dist` when the sources run through a TypeScript loader (tests).
 */
export function workerScript(dir: string, file: string): string {
  const beside = join(dir, file);
  return existsSync(beside) ? beside : join(__dirname, '..', '..', 'dist', basename(dir), file);
}
