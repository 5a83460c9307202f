import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/**
 * Apollo refuses a persisted-query hash that does not match its query, and a
 * version other than 1, with errors that carry no code, which would reach the
 * client as INTERNAL_SERVER_ERROR (masked in production). Keyed by Apollo's
 * message, since these errors have nothing else to tell them apart.
 */
const REFUSALS: Record<string, GraphQLFormattedError> = {
  'provided sha does not match query': {
    message: 'extensions.persistedQuery.sha256Hash is not the SHA-256 of the query sent with it: send the lowercase hex SHA-256 of the exact query text, or leave the extension out',
    extensions: { code: 'PERSISTED_QUERY_HASH_MISMATCH' },
  },
  'Unsupported persisted query version': {
    message: 'extensions.persistedQuery.version must be 1, the only version of automatic persisted queries this gateway speaks: send version 1, or the full query without the extension',
    extensions: { code: 'PERSISTED_QUERY_NOT_SUPPORTED' },
  },
};

/** The client error for Apollo's persisted-query refusal, or undefined for any other error. */
export function persistedQueryRefusal(error: unknown): GraphQLFormattedError | undefined {
  if (!(error instanceof GraphQLError) || error.extensions.code !== undefined) return undefined;
  return Object.hasOwn(REFUSALS, error.message) ? REFUSALS[error.message] : undefined;
}
