import { stringify } from 'csv-stringify';
import { execute, type GraphQLSchema } from 'graphql';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { argumentRefusal } from '../schema/argument-refusal';
import type { GatewayContext } from '../server/context';
import { flattenRows } from './flatten-rows';
import { ExtractError, type PreparedDocument } from './prepare-document';

export const EXTRACT_FORMATS = ['json', 'ndjson', 'csv'] as const;
export type ExtractFormat = (typeof EXTRACT_FORMATS)[number];

export interface ExtractRun {
  schema: GraphQLSchema;
  /** A fresh context per page: loaders never hold more than one page. */
  context: () => GatewayContext;
  prepared: PreparedDocument;
  variables: Record<string, unknown>;
  format: ExtractFormat;
  out: Writable;
  /** CSV with a UTF-8 byte-order mark, for Excel. */
  bom?: boolean;
  /** Run the document page after page through its `$after` variable, streaming rows. */
  allPages?: boolean;
}

/** Runs a prepared document and writes its result; returns the number of rows written (json: 1 document). */
export async function runExtract(run: ExtractRun): Promise<number> {
  const { prepared } = run;
  const pageInfoPath = run.allPages ? pageInfoOf(run) : undefined;
  if (run.format === 'json') {
    const data = await executePage(run, run.variables);
    await write(run.out, `${JSON.stringify({ data }, null, 2)}\n`);
    return 1;
  }
  const names = prepared.plan.columns.map((c) => c.name);
  const csv = run.format === 'csv' ? stringify({ header: true, columns: names, bom: run.bom, cast: { boolean: (v) => String(v) } }) : undefined;
  const piped = csv ? once(csv.pipe(run.out, { end: false }), 'unpipe') : undefined;
  let rows = 0;
  let variables = run.variables;
  for (;;) {
    const data = await executePage(run, variables);
    for (const row of flattenRows(data, prepared.plan)) {
      rows += 1;
      if (csv) await write(csv, names.map((name) => row[name] ?? null));
      else await write(run.out, `${JSON.stringify(Object.fromEntries(names.map((name) => [name, row[name] ?? null])))}\n`);
    }
    const pageInfo = pageInfoPath && (valueAt(data, pageInfoPath) as { hasNextPage?: boolean; endCursor?: string } | undefined);
    if (!pageInfo?.hasNextPage || !pageInfo.endCursor) break;
    variables = { ...variables, after: pageInfo.endCursor };
  }
  if (csv) {
    csv.end();
    await piped;
  }
  return rows;
}

async function executePage(run: ExtractRun, variableValues: Record<string, unknown>): Promise<unknown> {
  const refusal = argumentRefusal(run.schema, run.prepared.document, run.prepared.operation.name?.value, variableValues);
  if (refusal) throw new ExtractError(refusal.message);
  const result = await execute({ schema: run.schema, document: run.prepared.document, operationName: run.prepared.operation.name?.value, variableValues, contextValue: run.context() });
  if (result.errors?.length) throw new ExtractError(result.errors.map((e) => `${e.path ? `${e.path.join('.')}: ` : ''}${e.message}`).join('\n'));
  return result.data;
}

/** Where the paged connection's pageInfo is: beside the outermost list of the row path. */
function pageInfoOf(run: ExtractRun): string[] {
  const { prepared } = run;
  if (run.format === 'json') throw new ExtractError('--all-pages writes rows: use --format csv or ndjson');
  if (!prepared.variables.has('after')) throw new ExtractError('--all-pages needs the operation to take $after: String and pass it to the connection');
  const list = prepared.plan.rowLists[0];
  const pageInfo = list && [...list.slice(0, -1), 'pageInfo'];
  const selected = (field: string) => prepared.plan.columns.some((c) => c.path.join('.') === [...pageInfo!, field].join('.'));
  if (!pageInfo || !selected('hasNextPage') || !selected('endCursor')) throw new ExtractError('--all-pages needs the connection to select pageInfo { hasNextPage endCursor }');
  return pageInfo;
}

function valueAt(node: unknown, keys: string[]): unknown {
  return keys.reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), node);
}

async function write(stream: Writable, chunk: unknown): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

/** Whether the document can be followed page after page: it takes $after and selects its connection's pageInfo. */
export function isPageable(prepared: PreparedDocument): boolean {
  try {
    pageInfoOf({ prepared, format: 'csv' } as ExtractRun);
    return true;
  } catch {
    return false;
  }
}
