import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGatewaySchema } from '../../src/schema/build-schema';
import { DEFAULT_LIMITS } from '../../src/server/gateway-settings';
import { queryCost } from '../../src/server/query-cost';
import { SAMPLE_SOURCES, startTestGateway, type TestGateway } from '../helpers/gateway';

const PROJECT = join(__dirname, '..', '..');
type Body = { data?: unknown; errors?: { message: string; extensions: { code: string } }[] };

describe('query limits: hostile documents are refused with their own code, and the gateway keeps serving', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway(SAMPLE_SOURCES.slice(0, 2), { settings: { limits: { maxCost: 20_000, bodyLimit: '64kb', maxBatch: 3 } } });
  });
  afterAll(() => gateway.stop());

  const post = async (body: unknown) => {
    const response = await fetch(`${gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Body | Body[] };
  };
  const refusal = async (query: string, variables?: Record<string, unknown>) => {
    const { status, body } = await post({ query, variables });
    const [error] = (body as Body).errors ?? [];
    return { status, code: error?.extensions.code, message: error?.message, data: (body as Body).data };
  };
  const stillServing = async () => expect((await gateway.graphql('{ reports { totalCount } }')).body).toEqual({ data: { reports: { totalCount: 2 } } });

  it('depth: eleven levels against the limit of ten', async () => {
    const deep = '{ reports { edges { node { previous { previous { previous { previous { previous { previous { agency { name } } } } } } } } } } }';
    expect(await refusal(deep)).toMatchObject({ status: 400, code: 'QUERY_TOO_DEEP', message: 'Query depth limit of 10 exceeded, found 11.' });
    const shallower = '{ reports { edges { node { previous { previous { previous { previous { previous { agency { name } } } } } } } } } }';
    expect((await refusal(shallower)).code).toBeUndefined();
    await stillServing();
  });

  it('aliases, directives and tokens', async () => {
    const aliases = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: reports { totalCount }`).join(' ')} }`;
    expect(await refusal(aliases)).toMatchObject({ status: 400, code: 'TOO_MANY_ALIASES', message: 'Aliases limit of 30 exceeded, found 31.' });
    const directives = `{ ${Array.from({ length: 21 }, (_, i) => `d${i}: reports @include(if: true) { totalCount }`).join(' ')} }`;
    expect(await refusal(directives)).toMatchObject({ status: 400, code: 'TOO_MANY_DIRECTIVES' });
    const tokens = `{ reports { ${'totalCount '.repeat(4100)} } }`;
    expect(await refusal(tokens)).toMatchObject({ status: 400, code: 'TOO_MANY_TOKENS', message: 'the document has more than 4000 tokens, the limit: send a shorter one' });
    await stillServing();
  });

  it('cost: list sizes multiply, and a page size from a variable counts', async () => {
    const cells = 'query($n: Int) { reports(first: $n) { edges { node { cells { value status } } } } }';
    expect((await refusal(cells, { n: 2 })).code).toBeUndefined();
    const costly = await refusal(cells, { n: 100 });
    expect(costly).toMatchObject({ status: 400, code: 'QUERY_TOO_COSTLY', data: undefined });
    expect(costly.message).toMatch(/^query cost \d+ is over the limit of 20000/);
    const fanOut = '{ agencies(first: 100) { edges { node { children { children { reports { id } } } } } } }';
    expect((await refusal(fanOut)).code).toBe('QUERY_TOO_COSTLY');
    expect(await refusal('{ reports(first: 1000) { totalCount } }')).toMatchObject({ code: 'BAD_USER_INPUT', message: 'first must be an integer from 0 to 100, got 1000' });
    await stillServing();
  });

  it('batches up to the limit run; a larger batch is refused whole', async () => {
    const operation = { query: '{ reports { totalCount } }' };
    const batch = await post([operation, operation]);
    expect(batch).toEqual({ status: 200, body: [{ data: { reports: { totalCount: 2 } } }, { data: { reports: { totalCount: 2 } } }] });
    const tooMany = await post([operation, operation, operation, operation]);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toEqual({ errors: [{ message: 'a batch of 4 operations is over the limit of 3: send fewer at a time', extensions: { code: 'BATCH_TOO_LARGE' } }] });
  });

  it('bodies over the limit are answered 413 and malformed ones 400, both as JSON', async () => {
    const big = await post({ query: '{ reports { totalCount } }', variables: { padding: 'x'.repeat(70_000) } });
    expect(big).toEqual({ status: 413, body: { errors: [{ message: 'the request body is over the 65536-byte limit', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] } });
    const malformed = await post('{"query": ');
    expect(malformed.status).toBe(400);
    expect((malformed.body as Body).errors![0]!.extensions.code).toBe('BAD_REQUEST');
    await stillServing();
  });

  it('every example query fits the default limits', async () => {
    const schema = await buildGatewaySchema();
    const files = readdirSync(join(PROJECT, 'queries'));
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const file of files) {
      const cost = queryCost(schema, parse(readFileSync(join(PROJECT, 'queries', file), 'utf8')), undefined, {});
      expect(cost, file).toBeLessThan(DEFAULT_LIMITS.maxCost);
    }
  });
});

describe('the operation time limit', () => {
  it('answers one QUERY_TIMEOUT error (503) for an operation whose time is up before its first statement', async () => {
    // A limit of 0 ms has passed by the first statement, whatever the machine's speed.
    const gateway = await startTestGateway(SAMPLE_SOURCES.slice(0, 1), { settings: { limits: { timeoutMs: 0 } } });
    try {
      const { status, body } = await gateway.graphql('{ reports { edges { node { id sections { code } cells { value } } } } }');
      expect(status).toBe(503);
      expect(body).toEqual({ errors: [{ message: 'the operation ran past the 0 ms time limit and was stopped: ask for less at a time', extensions: { code: 'QUERY_TIMEOUT' } }] });
    } finally {
      await gateway.stop();
    }
  });
});
