import { createHash, timingSafeEqual } from 'node:crypto';
import { GraphQLError } from 'graphql';

export const ROLES = ['editor', 'admin'] as const;
/** editor: corrects cells and reviews checks; admin: also ingests, deletes, activates versions and rolls back batches. */
export type Role = (typeof ROLES)[number];

export interface ApiKey {
  /** Recorded as who made a change; the key itself is never stored or logged. */
  name: string;
  role: Role;
  digest: Buffer;
  /** Given in the old form (a bare key), which counts as admin. */
  legacy: boolean;
}

/**
 * Keys from `NIANBAO_API_KEYS`: comma-separated `name:role:key` entries (a bare
 * key, the old form, is an admin named key1, key2, … by position). Kept as
 * digests, so comparisons take the same time for any key. A malformed entry
 * stops start-up, naming the entry's position but never the key.
 */
export function parseApiKeys(text: string | undefined): ApiKey[] {
  const keys = (text ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry, index) => {
      const at = `NIANBAO_API_KEYS entry ${index + 1}`;
      const [name = '', role = '', ...rest] = entry.includes(':') ? entry.split(':') : [`key${index + 1}`, 'admin', entry];
      const key = rest.join(':');
      // Nothing of an entry but its name is ever repeated: a part out of place may be the key.
      if (!/^[\w.@-]{1,100}$/.test(name)) throw new Error(`${at}: the name must be 1 to 100 letters, digits, or . @ _ -, as name:role:key`);
      if (!(ROLES as readonly string[]).includes(role)) throw new Error(`${at} (${name}): the role, between the first and second colon, must be ${ROLES.join(' or ')}`);
      if (key === '') throw new Error(`${at} (${name}): the key is empty`);
      if (/\s/.test(key)) throw new Error(`${at} (${name}): the key has a space in it, so no Authorization header can carry it`);
      return { name, role: role as Role, digest: digest(key), legacy: !entry.includes(':') };
    });
  keys.forEach((key, i) => {
    const other = keys.findIndex((k) => k.digest.equals(key.digest));
    if (other < i) throw new Error(`NIANBAO_API_KEYS entries ${other + 1} (${keys[other]!.name}) and ${i + 1} (${key.name}) have the same key`);
  });
  return keys;
}

/**
 * Changes need `Authorization: Bearer <key>` of a key with the role: none is
 * UNAUTHENTICATED, an unknown key or too small a role FORBIDDEN. Returns the key's name.
 */
export function authorize(authorization: string | undefined, keys: readonly ApiKey[], role: Role, action: string): string {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) {
    throw new GraphQLError(`${action} needs an API key: send the header Authorization: Bearer <key>`, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  }
  const given = digest(match[1]!);
  // Every key is compared, so the time taken does not tell which (or whether one) matched.
  const key = keys.reduce<ApiKey | undefined>((found, candidate) => (timingSafeEqual(candidate.digest, given) ? candidate : found), undefined);
  if (!key) throw new GraphQLError('the API key is not valid for this gateway', { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
  if (ROLES.indexOf(key.role) < ROLES.indexOf(role)) {
    throw new GraphQLError(`${action} needs an ${role} key; the key "${key.name}" is an ${key.role} key`, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
  }
  return key.name;
}

function digest(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}
