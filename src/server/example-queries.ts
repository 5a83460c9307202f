import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The named example documents in `queries/`: preloaded in the IDE, typed by codegen. */
export const QUERIES_DIR = join(__dirname, '..', '..', 'queries');

export interface ExampleQuery {
  name: string;
  document: string;
}

export function loadExampleQueries(dir: string = QUERIES_DIR): ExampleQuery[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => ({ name: file.replace(/\.graphql$/, ''), document: readFileSync(join(dir, file), 'utf8') }));
}
