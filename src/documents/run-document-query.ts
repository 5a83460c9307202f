import type { GraphQLSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExtractError, prepareDocument, type PreparedDocument } from '../extract/prepare-document';
import { executeDocument } from '../extract/run-extract';
import type { GatewayContext } from '../server/context';
import { QUERIES_DIR } from '../server/example-queries';

/** A document of queries/ that could not be run, or answered with errors: the message names the document. */
export class DocumentQueryError extends Error {}

/** Reads and validates the named document of queries/ (`agency-profile` is queries/agency-profile.graphql). */
export function prepareNamedDocument(schema: GraphQLSchema, name: string, dir: string = QUERIES_DIR): PreparedDocument {
  const source = `queries/${name}.graphql`;
  let text: string;
  try {
    text = readFileSync(join(dir, `${name}.graphql`), 'utf8');
  } catch (error) {
    throw new DocumentQueryError(`${source}: ${(error as Error).message}`);
  }
  try {
    return prepareDocument(schema, text, source);
  } catch (error) {
    if (error instanceof ExtractError) throw new DocumentQueryError(error.message);
    throw error;
  }
}

export interface DocumentQueryRun {
  schema: GraphQLSchema;
  /** The document's name in queries/, or one prepared already (a server prepares its documents once). */
  document: string | PreparedDocument;
  variables: Record<string, unknown>;
  context: GatewayContext;
}

/**
 * Runs a document of queries/ in-process, as /extract and `nianbao query` do,
 * and returns its data. GraphQL errors become a DocumentQueryError naming the
 * document and each error's path; a resolver's own failure (the database gone)
 * goes up as it is.
 */
export async function runDocumentQuery<T>(run: DocumentQueryRun): Promise<T> {
  const prepared = typeof run.document === 'string' ? prepareNamedDocument(run.schema, run.document) : run.document;
  try {
    return (await executeDocument(run.schema, prepared, run.variables, run.context)) as T;
  } catch (error) {
    if (!(error instanceof ExtractError)) throw error;
    const name = prepared.document.loc?.source.name ?? 'document';
    throw new DocumentQueryError(`${name}: ${error.message}`);
  }
}
