import pino from 'pino';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/database/data-source';
import { ARGUMENT_LIMITS } from '../../src/schema/argument-limits';
import { startGateway, type Gateway } from '../../src/server/create-gateway';
import { defaultSettings } from '../../src/server/gateway-settings';
import { cursorKeyOf } from '../../src/services/cursor-key.service';
import { signCursor } from '../../src/services/signed-cursor';
import { SAMPLE_SOURCES, startTestGateway, type GraphQLResult, type TestGateway } from '../helpers/gateway';

type Page = { edges: { node: { id: string } }[]; pageInfo: { endCursor: string | null } };
const REPORTS = 'query($after: String, $order: ReportOrder) { reports(first: 2, after: $after, orderBy: $order) { edges { node { id } } pageInfo { endCursor } } }';
const AGENCIES = 'query($after: String) { agencies(first: 2, after: $after) { edges { node { id } } pageInfo { endCursor } } }';
const SECRET = 'a shared secret of more than thirty-two characters';
/** As long as an agency name can be: its cursor must fit the cursor's argument limit. */
const LONGEST_NAME = `${'政'.repeat(196)}人民政府`;

/** A second gateway on the same database, as a replica or the same one after a restart: its own DataSource, its own key read. */
async function sameDatabase(dataSource: DataSource, cursorSecret?: string): Promise<Gateway & { graphql: TestGateway['graphql']; stop(): Promise<void> }> {
  const { options } = dataSource;
  const reopened = await openDatabase(options.type === 'postgres' ? { kind: 'postgres', url: options.url! } : { kind: 'sqlite', path: options.database as string });
  const gateway = await startGateway({ dataSource: reopened, logger: pino({ level: 'silent' }), port: 0, settings: { ...defaultSettings(), cursorSecret } });
  return {
    ...gateway,
    async graphql<T>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>> {
      const response = await fetch(`${gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      return { status: response.status, body: (await response.json()) as GraphQLResult<T>['body'] };
    },
    async stop() {
      await gateway.close();
      await reopened.destroy();
    },
  };
}

describe('cursors: signed by the gateway for one listing and order, refused otherwise before any SQL', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway([...SAMPLE_SOURCES, { ...SAMPLE_SOURCES[0]!, agencyName: LONGEST_NAME }]);
  });
  afterAll(() => gateway.stop());

  const page = async (query: string, variables: Record<string, unknown>, on: Pick<TestGateway, 'graphql'> = gateway) => {
    const { body } = await on.graphql<Record<string, Page>>(query, variables);
    return { ...body, page: body.data && Object.values(body.data)[0] };
  };
  const refusal = async (query: string, variables: Record<string, unknown>) => {
    gateway.counter.count = 0;
    const { status, body } = await gateway.graphql(query, variables);
    return { status, code: body.errors?.[0]?.extensions?.code, field: body.errors?.[0]?.extensions?.field, statements: gateway.counter.count };
  };
  const refused = { status: 200, code: 'BAD_USER_INPUT', field: 'after', statements: 0 };

  it('a listing pages on with its own cursors, in every order', async () => {
    for (const order of ['ID', 'YEAR_ASC', 'YEAR_DESC', 'AGENCY_NAME']) {
      const first = (await page(REPORTS, { order })).page!;
      const second = (await page(REPORTS, { order, after: first.pageInfo.endCursor })).page!;
      expect(second.edges).toHaveLength(2);
      expect(second.edges.map((e) => e.node.id)).not.toContain(first.edges[1]!.node.id);
    }
    const agencies = (await page(AGENCIES, {})).page!;
    expect((await page(AGENCIES, { after: agencies.pageInfo.endCursor })).page!.edges.length).toBeGreaterThan(0);
    const named = await gateway.graphql<{ agencies: Page }>('query($name: String) { agencies(first: 1, filter: { name: $name }) { edges { node { id } } pageInfo { endCursor } } }', { name: LONGEST_NAME });
    const cursor = named.body.data!.agencies.pageInfo.endCursor!;
    expect(cursor.length).toBeLessThanOrEqual(ARGUMENT_LIMITS['Query.agencies(after)']!.maxLength!);
    expect((await page(AGENCIES, { after: cursor })).errors).toBeUndefined();
  });

  it('forged cursors: [1e308] and ["x"] as the old unsigned encoding, and a signed one with a byte changed', async () => {
    expect(await refusal(REPORTS, { after: 'WzFlMzA4XQ' })).toEqual(refused);
    expect(await refusal(REPORTS, { after: 'WyJ4Il0' })).toEqual(refused);
    const cursor = (await page(REPORTS, {})).page!.pageInfo.endCursor!;
    const [payload, mac] = cursor.split('.') as [string, string];
    const bumped = Buffer.from(JSON.stringify([Number(JSON.parse(Buffer.from(payload, 'base64url').toString())[0]) + 1])).toString('base64url');
    expect(await refusal(REPORTS, { after: `${bumped}.${mac}` })).toEqual(refused);
    expect(await refusal(REPORTS, { after: `${payload}.${mac.slice(0, -2)}AA` })).toEqual(refused);
  });

  it("another order's or listing's cursor is refused", async () => {
    const byYear = (await page(REPORTS, { order: 'YEAR_ASC' })).page!.pageInfo.endCursor;
    expect(await refusal(REPORTS, { order: 'YEAR_DESC', after: byYear })).toEqual(refused);
    const byId = (await page(REPORTS, { order: 'ID' })).page!.pageInfo.endCursor;
    expect(await refusal(REPORTS, { order: 'AGENCY_NAME', after: byId })).toEqual(refused);
    const agency = (await page(AGENCIES, {})).page!.pageInfo.endCursor;
    expect(await refusal(REPORTS, { order: 'AGENCY_NAME', after: agency })).toEqual(refused);
  });

  it('keys of the wrong kind are refused even when signed: ids safe integers, years integers, names strings', async () => {
    const key = await cursorKeyOf(gateway.dataSource);
    const reportId = { expression: 'report.id', kind: 'id' } as const;
    const byYear = { keys: [{ expression: 'report.year', kind: 'year' }, reportId], direction: 'ASC' } as const;
    expect(await refusal(REPORTS, { after: signCursor(key, { keys: [reportId], direction: 'ASC' }, [1e308]) })).toEqual(refused);
    expect(await refusal(REPORTS, { after: signCursor(key, { keys: [reportId], direction: 'ASC' }, ['x']) })).toEqual(refused);
    expect(await refusal(REPORTS, { order: 'YEAR_ASC', after: signCursor(key, byYear, [2021.5, 1]) })).toEqual(refused);
    expect(await refusal(REPORTS, { order: 'AGENCY_NAME', after: signCursor(key, { keys: [{ expression: 'agency.name', kind: 'name' }, reportId], direction: 'ASC' }, [7, 1]) })).toEqual(refused);
    expect((await page(REPORTS, { order: 'YEAR_ASC', after: signCursor(key, byYear, [2021, 1]) })).errors).toBeUndefined();
  });

  it('another gateway on the same database (a replica, or this one restarted) takes the cursor; one on another database does not', async () => {
    const cursor = (await page(REPORTS, {})).page!.pageInfo.endCursor;
    const replica = await sameDatabase(gateway.dataSource);
    const elsewhere = await startTestGateway(SAMPLE_SOURCES);
    try {
      expect((await page(REPORTS, { after: cursor }, replica)).page!.edges).toHaveLength(2);
      expect((await page(REPORTS, { after: cursor }, elsewhere)).errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }) })]);
    } finally {
      await replica.stop();
      await elsewhere.stop();
    }
  });

  it('with NIANBAO_CURSOR_SECRET, gateways sharing the secret take each other\'s cursors, whatever their database', async () => {
    const [one, two] = await Promise.all([startTestGateway(SAMPLE_SOURCES, { settings: { cursorSecret: SECRET } }), startTestGateway(SAMPLE_SOURCES, { settings: { cursorSecret: SECRET } })]);
    try {
      const cursor = (await page(REPORTS, {}, one)).page!.pageInfo.endCursor;
      expect((await page(REPORTS, { after: cursor }, two)).page!.edges).toHaveLength(2);
      expect((await page(REPORTS, { after: cursor }, gateway)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    } finally {
      await Promise.all([one.stop(), two.stop()]);
    }
  });
});
