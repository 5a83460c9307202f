import { createHash, timingSafeEqual } from 'node:crypto';
import { GraphQLError } from 'graphql';

/** Keys from `NIANBAO_API_KEYS` (comma-separated), kept as digests so comparisons take the same time for any key. */
export function parseApiKeys(text: string | undefined): Buffer[] {
  return (text ?? '')
    .split(',')
    .map((key) => key.trim())
    .filter((key) => key !== '')
    .map(digest);
}

/** Mutations need `Authorization: Bearer <key>`: none is UNAUTHENTICATED, a wrong one FORBIDDEN. */
export function requireApiKey(authorization: string | undefined, keys: readonly Buffer[]): void {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) {
    throw new GraphQLError('this operation needs an API key: send the header Authorization: Bearer <key>', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  }
  const given = digest(match[1]!);
  const known = keys.reduce((found, key) => timingSafeEqual(key, given) || found, false);
  if (!known) throw new GraphQLError('the API key is not valid for this gateway', { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
}

function digest(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}
