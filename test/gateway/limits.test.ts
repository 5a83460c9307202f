import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGatewaySchema } from '../../src/schema/build-schema';
import { BatchCost } from '../../src/server/batch-cost';
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

  it('a subscription, which the schema has no root for, is the caller\'s invalid document, not a fault of the gateway', async () => {
    expect(await refusal('subscription { __typename }')).toMatchObject({
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      message: 'this gateway serves no subscription operations: send a query or a mutation',
    });
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
    expect(await refusal('{ reports(first: 1000) { totalCount } }')).toMatchObject({ status: 400, code: 'BAD_USER_INPUT', message: 'reports(first): from 0 to 100, got 1000' });
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

describe('cost at the default limits: aggregates and ranks by groups × measures, batches summed, the unpriceable refused', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway(SAMPLE_SOURCES.slice(0, 2));
  });
  afterAll(() => gateway.stop());

  const post = async (body: unknown) => {
    gateway.counter.count = 0;
    const response = await fetch(`${gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Body | Body[], statements: gateway.counter.count };
  };
  const codes = (body: Body | Body[]) => (Array.isArray(body) ? body : [body]).map((b) => b.errors?.[0]?.extensions.code);

  it('a dashboard (aggregate by year, rank of agencies) costs a tenth of the limit or less, and runs', async () => {
    const schema = await buildGatewaySchema();
    const document = readFileSync(join(PROJECT, 'queries', 'aggregate-by-year.graphql'), 'utf8');
    expect(queryCost(schema, parse(document), undefined, {})).toBeLessThan(DEFAULT_LIMITS.maxCost / 10);
    const { status, body } = await post({ query: document });
    expect({ status, errors: (body as Body).errors }).toEqual({ status: 200, errors: undefined });
  });

  it('25 aliases of aggregate(groupBy: [AGENCY, YEAR]) with 200 measures are refused before any SQL', async () => {
    const measures = Array.from({ length: 200 }, (_, i) => (i % 2 ? 't3/new/total' : 'completionRate'));
    const aliases = Array.from({ length: 25 }, (_, i) => `a${i}: aggregate(groupBy: [AGENCY, YEAR], measures: $m) { count }`).join(' ');
    const refused = await post({ query: `query($m: [Measure!]!) { ${aliases} }`, variables: { m: measures } });
    expect({ status: refused.status, codes: codes(refused.body), statements: refused.statements }).toEqual({ status: 400, codes: ['QUERY_TOO_COSTLY'], statements: 0 });
    expect((refused.body as Body).errors![0]!.message).toMatch(/^query cost \d+ is over the limit of 300000/);
  });

  it('a batch is priced as the sum of its operations: two that fit alone are refused together', async () => {
    const operation = { query: '{ aggregate(groupBy: [AGENCY], measures: ["t3/new/total", "completionRate"]) { key { agency { name } } count } }' };
    const alone = await post([operation]);
    expect(codes(alone.body)).toEqual([undefined]);
    const together = await post([operation, operation]);
    expect({ status: together.status, codes: codes(together.body), statements: together.statements }).toEqual({ status: 400, codes: ['QUERY_TOO_COSTLY', 'QUERY_TOO_COSTLY'], statements: 0 });
    expect((together.body as Body[])[0]!.errors![0]!.message).toBe('the 2 operations of the batch cost 320002 together, over the limit of 300000: send fewer or cheaper ones');
  });

  it('an operation waiting for the rest of its batch is released, to be refused, when the response has gone', async () => {
    const batch = new BatchCost(3);
    const first = batch.priced(10);
    batch.ended();
    batch.abandon();
    expect(await first).toBe(Number.POSITIVE_INFINITY);
    const whole = new BatchCost(2);
    const priced = whole.priced(10);
    whole.ended();
    expect(await priced).toBe(10);
    // A malformed entry fails the whole batch before its operation starts: the answer comes at once and nothing runs.
    const malformed = await post([{ query: '{ reports { totalCount } }' }, { query: 5 }]);
    expect({ status: malformed.status, statements: malformed.statements }).toEqual({ status: 400, statements: 0 });
  });

  it('an operation whose cost cannot be estimated is refused, not free', async () => {
    // 8 fields × 40 × 40 through nested fragments: well under the token limit, over what the estimate counts.
    const spreads = (fragment: string) => Array.from({ length: 40 }, () => `...${fragment}`).join(' ');
    const fragments = `fragment F0 on Report { id year generation title publishedAt sourceFile sourceFormat failingChecks } fragment F1 on Report { ${spreads('F0')} } fragment F2 on Report { ${spreads('F1')} }`;
    const query = `{ report(id: "1") { ...F2 } } ${fragments}`;
    const refused = await post({ query });
    expect({ status: refused.status, codes: codes(refused.body), statements: refused.statements }).toEqual({ status: 400, codes: ['QUERY_TOO_COSTLY'], statements: 0 });
    expect((refused.body as Body).errors![0]!.message).toBe(
      'the cost of the operation cannot be estimated, so it is not run: counting each fragment wherever it is spread, it selects over 10000 fields: spread fragments fewer times',
    );
    // Variables of the wrong type are not a cost question: execution refuses them, before any SQL.
    const wrongType = await post({ query: 'query($n: Int) { reports(first: $n) { totalCount } }', variables: { n: 'x' } });
    expect({ status: wrongType.status, codes: codes(wrongType.body), statements: wrongType.statements }).toEqual({ status: 400, codes: ['BAD_USER_INPUT'], statements: 0 });
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
