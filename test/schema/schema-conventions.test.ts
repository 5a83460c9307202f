import { join } from 'node:path';
import { buildSchema, isEnumType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitSchema } from '../../src/cli/schema.command';
import { FIXTURES, sampleText } from '../helpers/fixtures';
import { SAMPLE_SOURCES, startTestGateway, type TestGateway } from '../helpers/gateway';

describe('schema conventions', () => {
  it('every enum value is UPPER_CASE', async () => {
    const schema = buildSchema(await emitSchema());
    const enums = Object.values(schema.getTypeMap()).filter((type) => isEnumType(type) && !type.name.startsWith('__'));
    const offending = enums.flatMap((type) => (isEnumType(type) ? type.getValues().filter((v) => !/^[A-Z][A-Z0-9_]*$/.test(v.name)).map((v) => `${type.name}.${v.name}`) : []));
    expect(offending).toEqual([]);
  });
});

describe('a report says its format and encoding apart', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway([{ file: join(FIXTURES, 'pdf', 'hongze-2024.pdf') }], { apiKeys: 'k' });
  });
  afterAll(() => gateway.stop());

  it('PDF without an encoding; text with its encoding; the version the same', async () => {
    const stored = await gateway.graphql<{ ingestReport: { outcome: string; report: { sourceFormat: string; sourceEncoding: string | null } } }>(
      'mutation($t: String!) { ingestReport(input: { text: $t }) { outcome report { sourceFormat sourceEncoding } } }',
      { t: sampleText('001_e6ee48d9f5f3b505.txt') },
      { authorization: 'Bearer k' },
    );
    expect(stored.body).toEqual({ data: { ingestReport: { outcome: 'STORED', report: { sourceFormat: 'TEXT', sourceEncoding: 'utf-8' } } } });
    const { body } = await gateway.graphql<{ reports: { edges: { node: { sourceFormat: string; sourceEncoding: string | null; version: { sourceFormat: string; sourceEncoding: string | null } } }[] } }>(
      '{ reports(orderBy: ID) { edges { node { sourceFormat sourceEncoding version { sourceFormat sourceEncoding } } } } }',
    );
    expect(body.data!.reports.edges.map((e) => e.node)).toEqual([
      { sourceFormat: 'PDF', sourceEncoding: null, version: { sourceFormat: 'PDF', sourceEncoding: null } },
      { sourceFormat: 'TEXT', sourceEncoding: 'utf-8', version: { sourceFormat: 'TEXT', sourceEncoding: 'utf-8' } },
    ]);
  });
});

describe('stack traces in development: only for unexpected errors', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway(SAMPLE_SOURCES.slice(0, 1), { apiKeys: 'ed:editor:e1, ad:admin:a1', settings: { limits: { maxDepth: 4, maxTokens: 200, maxCost: 50 } } });
  });
  afterAll(() => gateway.stop());

  const firstError = async (query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => (await gateway.graphql(query, variables, headers)).body.errors![0]!;
  const INGEST = 'mutation($t: String!) { ingestReport(input: { text: $t }) { outcome } }';

  it.each([
    ['BAD_USER_INPUT', () => firstError('{ report { id } }')],
    ['BAD_USER_INPUT', () => firstError('query($y: Int) { report(agencyName: "x", year: $y) { id } }', { y: 'not a year' })],
    ['GRAPHQL_VALIDATION_FAILED', () => firstError('{ report(id: "1") { nonsense } }')],
    ['GRAPHQL_PARSE_FAILED', () => firstError('{ report(id: "1") { id ')],
    ['UNAUTHENTICATED', () => firstError(INGEST, { t: 'x' })],
    ['FORBIDDEN', () => firstError(INGEST, { t: 'x' }, { authorization: 'Bearer e1' })],
    ['QUERY_TOO_DEEP', () => firstError('{ reports { edges { node { agency { parent { parent { name } } } } } } }')],
    ['TOO_MANY_TOKENS', () => firstError(`{ ${Array.from({ length: 100 }, (_, i) => `a${i}: __typename`).join(' ')} }`)],
    ['QUERY_TOO_COSTLY', () => firstError('{ reports(first: 100) { edges { cursor } } }')],
  ] as const)('%s: the code and a message, no stack trace', async (code, ask) => {
    const error = await ask();
    expect(error.extensions).toMatchObject({ code });
    expect(error.extensions).not.toHaveProperty('stacktrace');
  });

  it('an unexpected error keeps its stack trace in development', async () => {
    await gateway.dataSource.query('ALTER TABLE "report" RENAME TO "report_gone"');
    const error = await firstError('{ report(id: "1") { id } }');
    expect(error.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
    expect((error.extensions!.stacktrace as string[]).length).toBeGreaterThan(1);
  });
});
