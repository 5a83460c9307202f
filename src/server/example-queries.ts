import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The named example documents in `queries/` at the project's root: preloaded in the IDE, typed by codegen. */
export const QUERIES_DIR = projectDir('queries');

/** A folder of the project root, found upward from here (src/server in development, dist/server when built). */
function projectDir(name: string): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, name))) return join(dir, name);
  }
  throw new Error(`no ${name}/ folder above ${__dirname}`);
}

export interface ExampleQuery {
  name: string;
  document: string;
}

/** The IDE's tabs open in this order; any other document in `queries/` follows by name. */
const FIRST = ['report-tables', 'report-figures', 'failing-checks', 'year-over-year', 'aggregate-by-year'];

export function loadExampleQueries(dir: string = QUERIES_DIR): ExampleQuery[] {
  const rank = (name: string) => (FIRST.includes(name) ? FIRST.indexOf(name) : FIRST.length);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => ({ name: file.replace(/\.graphql$/, ''), document: readFileSync(join(dir, file), 'utf8') }))
    .sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}
