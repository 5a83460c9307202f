import { GraphQLError } from 'graphql';

/** Extension codes of the refusals, one per limit. */
export const LIMIT_CODES = {
  depth: 'QUERY_TOO_DEEP',
  aliases: 'TOO_MANY_ALIASES',
  directives: 'TOO_MANY_DIRECTIVES',
  tokens: 'TOO_MANY_TOKENS',
  cost: 'QUERY_TOO_COSTLY',
  batch: 'BATCH_TOO_LARGE',
  timeout: 'QUERY_TIMEOUT',
  body: 'PAYLOAD_TOO_LARGE',
} as const;

export function limitError(code: (typeof LIMIT_CODES)[keyof typeof LIMIT_CODES], message: string, status = 400): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status } } });
}

export function timeoutError(timeoutMs: number): GraphQLError {
  return limitError(LIMIT_CODES.timeout, `the operation ran past the ${timeoutMs} ms time limit and was stopped: ask for less at a time`, 503);
}
