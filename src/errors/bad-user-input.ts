import { GraphQLError } from 'graphql';

/** A request the caller can fix: the message names what and where. */
export function badUserInput(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) } });
}
