import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_SOURCES, startTestGateway, type TestGateway } from '../helpers/gateway';

const QUERY = '{ reports { totalCount } }';
const HASH = createHash('sha256').update(QUERY).digest('hex');
/** The SHA-256 of a different text: what a client sends when it hashed the wrong thing. */
const OTHER_HASH = createHash('sha256').update('{ agencies { name } }').digest('hex');

const MISMATCH = {
  message: 'extensions.persistedQuery.sha256Hash is not the SHA-256 of the query sent with it: send the lowercase hex SHA-256 of the exact query text, or leave the extension out',
  extensions: { code: 'PERSISTED_QUERY_HASH_MISMATCH' },
};
const VERSION = {
  message: 'extensions.persistedQuery.version must be 1, the only version of automatic persisted queries this gateway speaks: send version 1, or the full query without the extension',
  extensions: { code: 'PERSISTED_QUERY_NOT_SUPPORTED' },
};

for (const production of [true, false]) {
  describe(`persisted-query refusals (${production ? 'NODE_ENV=production' : 'development'})`, () => {
    let gateway: TestGateway;
    beforeAll(async () => {
      gateway = await startTestGateway(SAMPLE_SOURCES.slice(0, 1), { production });
    });
    afterAll(() => gateway.stop());

    const post = async (body: unknown) => {
      const response = await fetch(`${gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: response.status, body: (await response.json()) as { errors: { extensions: { code: string } }[] } };
    };

    it('a hash that is not the SHA-256 of the query: 400 PERSISTED_QUERY_HASH_MISMATCH naming the extension, nothing masked', async () => {
      expect(await post({ query: QUERY, extensions: { persistedQuery: { version: 1, sha256Hash: OTHER_HASH } } })).toEqual({ status: 400, body: { errors: [MISMATCH] } });
      expect(await post({ query: QUERY, extensions: { persistedQuery: { version: 1 } } })).toEqual({ status: 400, body: { errors: [MISMATCH] } });
    });

    it('a version other than 1: 400 PERSISTED_QUERY_NOT_SUPPORTED, and the full query without the extension then runs', async () => {
      expect(await post({ query: QUERY, extensions: { persistedQuery: { version: 2, sha256Hash: HASH } } })).toEqual({ status: 400, body: { errors: [VERSION] } });
      expect(await post({ extensions: { persistedQuery: { version: 2, sha256Hash: HASH } } })).toEqual({ status: 400, body: { errors: [VERSION] } });
      // One report loaded: the sample slice above.
      expect(await post({ query: QUERY })).toEqual({ status: 200, body: { data: { reports: { totalCount: 1 } } } });
    });

    it('over GET and in a batch, each refused operation gets its code', async () => {
      const extensions = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: OTHER_HASH } }));
      const viaGet = await fetch(`${gateway.url}/graphql?query=${encodeURIComponent(QUERY)}&extensions=${extensions}`, { headers: { 'apollo-require-preflight': 'true' } });
      expect({ status: viaGet.status, body: await viaGet.json() }).toEqual({ status: 400, body: { errors: [MISMATCH] } });
      const batch = await post([{ query: QUERY }, { query: QUERY, extensions: { persistedQuery: { version: 3, sha256Hash: HASH } } }]);
      expect(batch.body).toEqual([{ data: { reports: { totalCount: 1 } } }, { errors: [VERSION] }]);
    });

    it('the codes Apollo already gives stay: an unknown hash alone is PERSISTED_QUERY_NOT_FOUND', async () => {
      const { body } = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: OTHER_HASH } } });
      expect(body.errors[0]!.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    });
  });
}
