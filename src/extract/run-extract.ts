import { stringify } from 'csv-stringify';
import { execute, GraphQLError, type GraphQLSchema } from 'graphql';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { argumentRefusal } from '../schema/argument-refusal';
import type { GatewayContext } from '../server/context';
import { csvOptions } from '../services/csv-output';
import { flattenRows, valueAt } from './flatten-rows';
import { pagingOf, type Paging } from './paging';
import { ExtractError, type PreparedDocument } from './prepare-document';
import { write, writeJson } from './write-json';

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
  /** Run the document page after page through its `$after` variable, streaming rows (json: one document of every page). */
  allPages?: boolean;
}

/** Runs a prepared document and writes its result; returns the number of rows written (json: 1 document). */
export async function runExtract(run: ExtractRun): Promise<number> {
  const paging = run.allPages ? pagingOf(run.prepared) : undefined;
  if (run.format === 'json') {
    await writeJson(run.out, pages(run, paging), paging);
    return 1;
  }
  const { plan } = run.prepared;
  const names = plan.columns.map((c) => c.name);
  const csv = run.format === 'csv' ? stringify(csvOptions(names, run.bom)) : undefined;
  const piped = csv ? once(csv.pipe(run.out, { end: false }), 'unpipe') : undefined;
  let rows = 0;
  for await (const data of pages(run, paging)) {
    for (const row of flattenRows(data, plan)) {
      rows += 1;
      // csv-stringify would read a dotted column name as a path: CSV gets the fields as an array.
      await (csv ? write(csv, names.map((name) => row[name])) : write(run.out, `${JSON.stringify(row)}\n`));
    }
  }
  if (csv) {
    csv.end();
    await piped;
  }
  return rows;
}

/** The result of each page: one, or (paged) one after another until pageInfo says there is no next page. */
async function* pages(run: ExtractRun, paging: Paging | undefined): AsyncGenerator<unknown> {
  let variables = run.variables;
  for (;;) {
    const data = await executePage(run, variables);
    yield data;
    const pageInfo = paging && (valueAt(data, paging.pageInfo) as { hasNextPage?: boolean; endCursor?: string | null } | null | undefined);
    if (!pageInfo?.hasNextPage || !pageInfo.endCursor) return;
    variables = { ...variables, after: pageInfo.endCursor };
  }
}

async function executePage(run: ExtractRun, variableValues: Record<string, unknown>): Promise<unknown> {
  return executeDocument(run.schema, run.prepared, variableValues, run.context());
}

/**
 * Runs a prepared document in-process with a context and returns its data.
 * A caller's mistake (a refused argument, a GraphQL error) is an ExtractError
 * naming the path; a resolver's own failure goes up as it is.
 */
export async function executeDocument(schema: GraphQLSchema, prepared: PreparedDocument, variableValues: Record<string, unknown>, context: GatewayContext): Promise<unknown> {
  const operationName = prepared.operation.name?.value;
  const refusal = argumentRefusal(schema, prepared.document, operationName, variableValues);
  if (refusal) throw new ExtractError(refusal.message);
  const result = await execute({ schema, document: prepared.document, operationName, variableValues, contextValue: context });
  if (!result.errors?.length) return result.data;
  // A resolver's own failure (the database gone, a fault) is not the caller's to fix: it goes up as it is, to be answered 503 or 500.
  const fault = result.errors.map((e) => e.originalError).find((cause) => cause && !(cause instanceof GraphQLError));
  if (fault) throw fault;
  throw new ExtractError(result.errors.map((e) => `${e.path ? `${e.path.join('.')}: ` : ''}${e.message}`).join('\n'));
}
