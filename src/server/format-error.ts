import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from './database-unavailable';
import { LIMIT_CODES, timeoutError } from './limit-errors';
import { persistedQueryRefusal } from './persisted-query-errors';

/** graphql-js's own message when a document passes `parseOptions.maxTokens`. */
const TOKEN_LIMIT_MESSAGE = /Document contains more that (\d+) tokens/;
/** PostgreSQL's query_canceled, raised by statement_timeout. */
const STATEMENT_TIMEOUT = '57014';

/**
 * Gives limit refusals raised outside our code their own codes, and in
 * production hides what an unexpected error says (the log keeps the detail).
 * Only an unexpected error carries a stack trace (in development): a refusal
 * the caller can act on says what and where, never where in our code.
 */
export function gatewayErrorFormatter(production: boolean, timeoutMs: number, logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    const tokens = code === 'GRAPHQL_PARSE_FAILED' ? TOKEN_LIMIT_MESSAGE.exec(formatted.message) : null;
    if (tokens) {
      return { message: `the document has more than ${tokens[1]} tokens, the limit: send a shorter one`, extensions: { code: LIMIT_CODES.tokens } };
    }
    if (code !== 'INTERNAL_SERVER_ERROR') return withoutStacktrace(formatted);
    const refusal = persistedQueryRefusal(error);
    if (refusal) return refusal;
    const cause = unwrapResolverError(error) as { message?: string; code?: string; driverError?: { code?: string } };
    const causeCode = cause?.driverError?.code ?? cause?.code;
    if (causeCode === STATEMENT_TIMEOUT) {
      return { message: timeoutError(timeoutMs).message, path: formatted.path, extensions: { code: LIMIT_CODES.timeout } };
    }
    if (isDatabaseUnavailable(cause)) {
      logger.warn({ err: error }, 'database unavailable');
      return { message: DATABASE_UNAVAILABLE.message, path: formatted.path, extensions: { code: DATABASE_UNAVAILABLE.code } };
    }
    logger.error({ err: error }, 'internal error while executing a GraphQL operation');
    if (!production) return formatted;
    return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code } };
  };
}

function withoutStacktrace(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (formatted.extensions?.stacktrace === undefined) return formatted;
  const { stacktrace: _, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}
