import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t3Cells } from '../../examples/typed-client';
import { ReportTablesDocument } from '../../src/generated/graphql';
import { request } from '../../examples/typed-client';
import { SAMPLE_SOURCES, startTestGateway, type TestGateway } from '../helpers/gateway';
import { sampleText } from '../helpers/fixtures';

describe('HTTP extracts, persisted queries and cache hints', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway(SAMPLE_SOURCES, { apiKeys: 'k' });
  });
  afterAll(() => gateway.stop());

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${gateway.url}${path}`, { headers });

  it('streams a named document as CSV, NDJSON or JSON, with Content-Disposition and cache headers', async () => {
    const csv = await get('/extract/report-tables.csv?agencyName=%E7%BB%8F%E6%B5%8E%E6%8A%80%E6%9C%AF%E5%BC%80%E5%8F%91%E5%8C%BA%E7%AE%A1%E7%90%86%E5%8A%9E%E5%85%AC%E5%AE%A4&year=2023');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="report-tables.csv"');
    expect(csv.headers.get('cache-control')).toBe('public, max-age=60');
    const rows = parse(await csv.text(), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(200);
    expect(rows.find((r) => r['report.tables.rows.code'] === 'unable.notHeld' && r['report.tables.rows.cells.column'] === 'total')!['report.tables.rows.cells.value']).toBe('1');
    const lines = (await (await get('/extract/report-tables.ndjson')).text()).trim().split('\n');
    expect(lines).toHaveLength(200);
    const json = (await (await get('/extract/report-tables.json')).json()) as { data: { report: { title: string } } };
    expect(json.data.report.title).toBe('经济技术开发区管理办公室2023年政府信息公开工作年度报告');
  });

  it('follows every page of a document that takes $after', async () => {
    const text = await (await get('/extract/all-cells.ndjson?filter=%7B%22years%22%3A%5B2023%5D%7D')).text();
    expect(text.trim().split('\n')).toHaveLength(4 * 200);
  });

  it('ETag: the same data answers 304; a stored report changes it', async () => {
    const first = await get('/extract/failing-checks.csv');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await get('/extract/failing-checks.csv', { 'if-none-match': etag })).status).toBe(304);
    expect((await get('/extract/failing-checks.csv?first=3', { 'if-none-match': etag })).status).toBe(200);
    const stored = await gateway.graphql('mutation($t: String!) { ingestReport(input: { text: $t, agencyName: "新的机关" }) { outcome } }', { t: sampleText('000_cee05e4b3f1c7bfd.txt') }, { authorization: 'Bearer k' });
    expect(stored.body.errors).toBeUndefined();
    expect((await get('/extract/failing-checks.csv', { 'if-none-match': etag })).status).toBe(200);
  });

  it('bad names and variables: 404 and 400 with a message and a code', async () => {
    const missing = await get('/extract/nothing.csv');
    expect(missing.status).toBe(404);
    const notFound = (await missing.json()) as { error: string; code: string };
    expect(notFound.error).toContain('report-tables');
    expect(notFound.code).toBe('NOT_FOUND');
    const bad = await get('/extract/report-tables.csv?year=soon');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'Variable "$year" got invalid value "soon"; Int cannot represent non-integer value: "soon"', code: 'BAD_USER_INPUT' });
    const unknown = await get('/extract/report-tables.csv?colour=red');
    expect(unknown.status).toBe(400);
    const nul = await get(`/extract/all-cells.csv?filter=${encodeURIComponent('{"agencyName": "\\u0000"}')}`);
    expect({ status: nul.status, body: await nul.json() }).toEqual({ status: 400, body: { error: 'reports(filter.agencyName): a NUL character (\\u0000) is not allowed', code: 'BAD_USER_INPUT' } });
  });

  it('automatic persisted queries: a hash alone after the first full request', async () => {
    const query = '{ reports { totalCount } }';
    const extensions = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } };
    const post = (body: unknown) => fetch(`${gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
    expect(((await post({ extensions })) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(await post({ query, extensions })).toEqual({ data: { reports: { totalCount: expect.any(Number) } } });
    expect(await post({ extensions })).toEqual({ data: { reports: { totalCount: expect.any(Number) } } });
    const viaGet = await get(`/graphql?extensions=${encodeURIComponent(JSON.stringify(extensions))}`, { 'apollo-require-preflight': 'true' });
    expect(viaGet.headers.get('cache-control')).toBe('max-age=60, public');
  });

  it('mutations are not cacheable', async () => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer k' },
      body: JSON.stringify({ query: 'mutation { deleteReport(id: "999") }' }),
    });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('the typed client example runs against the gateway', async () => {
    const lines = await t3Cells(`${gateway.url}/graphql`, '经济技术开发区管理办公室', 2023);
    expect(lines).toHaveLength(175);
    expect(lines).toContain('unable.notHeld/naturalPerson = 1');
    const data = await request(`${gateway.url}/graphql`, ReportTablesDocument, { agencyName: '新绛县招商投资促进中心', year: 2023 });
    expect(data.report?.warnings).toEqual([{ code: 'LOST_CELL', message: expect.stringContaining('t3/unable.notHeld') }]);
  });
});
