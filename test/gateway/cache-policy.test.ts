import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_SOURCES, startTestGateway, type TestGateway } from '../helpers/gateway';

const READ = { query: '{ reports { totalCount } }' };
/** A mutation on a report that does not exist: it changes nothing, with or without a key. */
const MUTATION = { query: 'mutation { deleteReport(id: "999") }' };
const INVALID = { query: '{ reports { nonsense } }' };
const PUBLIC = 'max-age=60, public';

describe('Cache-Control of /graphql answers', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway(SAMPLE_SOURCES.slice(0, 1), { apiKeys: 'k' });
  });
  afterAll(() => gateway.stop());

  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return { status: response.status, cacheControl: response.headers.get('cache-control'), body: (await response.json()) as unknown };
  };

  it('a batch of clean reads may be cached', async () => {
    expect(await post([READ, READ])).toEqual({ status: 200, cacheControl: PUBLIC, body: [{ data: { reports: { totalCount: 1 } } }, { data: { reports: { totalCount: 1 } } }] });
  });

  it('a batch holding a mutation refused with 401 is no-store, whichever comes first', async () => {
    for (const batch of [[READ, MUTATION], [MUTATION, READ], [READ, MUTATION, READ]]) {
      const answer = await post(batch);
      expect(answer.status).toBe(401);
      expect(answer.cacheControl, JSON.stringify(batch)).toBe('no-store');
    }
  });

  it('a batch holding a mutation that ran is no-store', async () => {
    for (const batch of [[READ, MUTATION], [MUTATION, READ]]) {
      const answer = await post(batch, { authorization: 'Bearer k' });
      expect(answer.body).toEqual(batch.map((operation) => (operation === READ ? { data: { reports: { totalCount: 1 } } } : { data: { deleteReport: false } })));
      expect(answer.cacheControl, JSON.stringify(batch)).toBe('no-store');
    }
  });

  it('a batch holding an operation with an error is no-store', async () => {
    for (const batch of [[READ, INVALID], [INVALID, READ]]) expect((await post(batch)).cacheControl, JSON.stringify(batch)).toBe('no-store');
  });

  it('single operations: a clean read may be cached; a read with an error, a mutation, or a refused request may not', async () => {
    expect((await post(READ)).cacheControl).toBe(PUBLIC);
    expect((await post(INVALID)).cacheControl).toBe('no-store');
    const failed = await post({ query: '{ reports(first: -1) { totalCount } }' });
    expect(failed.body).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
    expect(failed.cacheControl).toBe('no-store');
    expect((await post(MUTATION)).cacheControl).toBe('no-store');
    // Refused before any operation runs: a batch over the limit of 10, a GET whose variables are not JSON.
    expect(await post(Array.from({ length: 11 }, () => READ))).toMatchObject({ status: 400, cacheControl: 'no-store' });
    const get = await fetch(`${gateway.url}/graphql?query=${encodeURIComponent(READ.query)}&variables=%7Bnot-json`, { headers: { 'apollo-require-preflight': 'true' } });
    expect({ status: get.status, cacheControl: get.headers.get('cache-control') }).toEqual({ status: 400, cacheControl: 'no-store' });
  });

  it('an extract refused for its variables is not stored either', async () => {
    const refused = await fetch(`${gateway.url}/extract/report-tables.csv?year=soon`);
    expect({ status: refused.status, cacheControl: refused.headers.get('cache-control') }).toEqual({ status: 400, cacheControl: 'no-store' });
  });
});
