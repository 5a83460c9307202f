import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_SOURCES, startTestGateway, type TestGateway } from '../helpers/gateway';

type Body = { data?: unknown; errors?: { message: string; extensions: { code: string; field?: string } }[] };

describe('argument limits: lists, string lengths and NUL refused with BAD_USER_INPUT naming the argument, before any SQL', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway(SAMPLE_SOURCES.slice(0, 2));
  });
  afterAll(() => gateway.stop());

  /** The request's answer and the SQL statements it ran. */
  const ask = async (query: string, variables?: Record<string, unknown>) => {
    gateway.counter.count = 0;
    const { status, body } = await gateway.graphql(query, variables);
    return { status, body: body as Body, statements: gateway.counter.count };
  };
  const refusal = async (query: string, variables?: Record<string, unknown>) => {
    const { status, body, statements } = await ask(query, variables);
    const [error] = body.errors ?? [];
    return { status, code: error?.extensions.code, field: error?.extensions.field, message: error?.message, statements };
  };
  const refused = (field: string, message: string) => ({ status: 400, code: 'BAD_USER_INPUT', field, message, statements: 0 });

  it('years: 40,000 of them in a variable, 51 in a literal', async () => {
    const years = Array.from({ length: 40_000 }, (_, i) => 2000 + (i % 30));
    expect(await refusal('query($f: ReportFilter) { reports(filter: $f) { totalCount } }', { f: { years } })).toEqual(
      refused('filter.years', 'reports(filter.years): at most 50 items, got 40000'),
    );
    const literal = `{ aggregate(filter: { years: [${Array.from({ length: 51 }, () => 2021).join(', ')}] }, measures: ["t3/new/total"]) { count } }`;
    expect(await refusal(literal)).toEqual(refused('filter.years', 'aggregate(filter.years): at most 50 items, got 51'));
  });

  it('measures: 300 of them, one too long, and groupBy over six dimensions', async () => {
    const measures = Array.from({ length: 300 }, (_, i) => (i % 2 ? 't3/new/total' : 'completionRate'));
    expect(await refusal('query($m: [Measure!]!) { aggregate(groupBy: [YEAR], measures: $m) { count } }', { m: measures })).toEqual(
      refused('measures', 'aggregate(measures): at most 50 items, got 300'),
    );
    // A measure is a Measure: one too long is refused when the query is validated, before it is compared with any key.
    const tooLong = { status: 400, code: 'GRAPHQL_VALIDATION_FAILED', field: undefined, message: 'Measure: a measure is at most 100 characters, got 101', statements: 0 };
    expect(await refusal(`{ aggregate(measures: ["t3/new/total", "${'x'.repeat(101)}"]) { count } }`)).toEqual(tooLong);
    expect(await refusal(`{ rank(measure: "${'x'.repeat(101)}") { rank } }`)).toEqual(tooLong);
    expect(await refusal('{ aggregate(groupBy: [YEAR, YEAR, YEAR, YEAR, YEAR, YEAR, YEAR], measures: ["t3/new/total"]) { count } }')).toEqual(
      refused('groupBy', 'aggregate(groupBy): at most 6 items, got 7'),
    );
  });

  it('an agency name of 50,001 characters, and ids and cursors too long to be one', async () => {
    expect(await refusal('query($f: ReportFilter) { reports(filter: $f) { totalCount } }', { f: { agencyName: '政'.repeat(50_001) } })).toEqual(
      refused('filter.agencyName', 'reports(filter.agencyName): at most 200 characters, got 50001'),
    );
    expect(await refusal(`{ report(id: "${'1'.repeat(21)}") { id } }`)).toEqual(refused('id', 'report(id): at most 20 characters, got 21'));
    expect(await refusal(`{ agencies(after: "${'A'.repeat(2001)}") { totalCount } }`)).toEqual(refused('after', 'agencies(after): at most 2000 characters, got 2001'));
  });

  it('ids that are not whole numbers of the id columns, and page sizes over 100 or under 0', async () => {
    const notAnId = (field: string, call: string, written: string) => refused(field, `${call}: an id is a whole number from 1 to 2,147,483,647, got ${JSON.stringify(written)}`);
    for (const written of ['abc', '0', '0x1', '1e0', '01', '2147483648', '-1']) {
      expect(await refusal('query($id: ID) { report(id: $id) { id } }', { id: written })).toEqual(notAnId('id', 'report(id)', written));
    }
    expect(await refusal('{ agency(id: "x") { id } }')).toEqual(notAnId('id', 'agency(id)', 'x'));
    expect(await refusal('{ reports(filter: { agencyId: "1.5" }) { totalCount } }')).toEqual(notAnId('filter.agencyId', 'reports(filter.agencyId)', '1.5'));
    expect(await refusal('{ reports(first: 1000) { totalCount } }')).toEqual(refused('first', 'reports(first): from 0 to 100, got 1000'));
    expect(await refusal('query($n: Int) { agencies(first: $n) { totalCount } }', { n: -1 })).toEqual(refused('first', 'agencies(first): from 0 to 100, got -1'));
    const fits = await ask('{ report(id: "2147483647") { id } reports(first: 100) { totalCount } }');
    expect(fits.status).toBe(200);
    expect(fits.body).toEqual({ data: { report: null, reports: { totalCount: 2 } } });
  });

  it('a NUL character anywhere: a filter, a nested field, a fragment, a mutation input (refused before the API key is asked for)', async () => {
    const nul = 'reports(filter.agencyName): a NUL character (\\u0000) is not allowed';
    expect(await refusal('query($f: ReportFilter) { reports(filter: $f) { totalCount } }', { f: { agencyName: '政府\u0000' } })).toEqual(refused('filter.agencyName', nul));
    expect(await refusal('{ reports { edges { node { yearOverYear(measure: "t3/new/total\\u0000") { absolute } } } } }')).toMatchObject({
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      message: expect.stringMatching(/^Measure: "t3\/new\/total\\u0000" is not a figure name .*; nearest: t3\/new\/total,/),
      statements: 0,
    });
    expect(await refusal('{ reports { edges { node { ...R } } } } fragment R on Report { cell(address: "\\u0000") { value } }')).toEqual(
      refused('address', 'cell(address): a NUL character (\\u0000) is not allowed'),
    );
    expect(await refusal('mutation($i: AgencyMetadataInput!) { setAgencyMetadata(input: $i) { id } }', { i: { name: '淮安市洪泽区人民政府', region: '江苏省\u0000' } })).toEqual(
      refused('input.region', 'setAgencyMetadata(input.region): a NUL character (\\u0000) is not allowed'),
    );
    expect(await refusal('mutation($i: AgencyMetadataInput!) { setAgencyMetadata(input: $i) { id } }', { i: { name: '淮安市洪泽区人民政府', fullName: '政'.repeat(301) } })).toEqual(
      refused('input.fullName', 'setAgencyMetadata(input.fullName): at most 300 characters, got 301'),
    );
  });

  it('arguments at their limits still run', async () => {
    const years = Array.from({ length: 50 }, (_, i) => 1990 + i);
    const listing = await ask('query($f: ReportFilter) { reports(filter: $f) { totalCount } }', { f: { years, agencyName: '政'.repeat(200) } });
    expect(listing).toMatchObject({ status: 200, body: { data: { reports: { totalCount: 0 } } } });
    const measures = Array.from({ length: 50 }, (_, i) => (i % 2 ? 't3/new/total' : 'completionRate'));
    const grouped = await ask('query($m: [Measure!]!) { aggregate(groupBy: [YEAR, GENERATION], measures: $m) { count values { sum } } }', { m: measures });
    expect(grouped.body.errors).toBeUndefined();
    expect((grouped.body.data as { aggregate: { values: unknown[] }[] }).aggregate[0]!.values).toHaveLength(50);
  });
});
