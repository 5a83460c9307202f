import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS } from '../helpers/fixtures';
import { SAMPLE_SOURCES, startTestGateway, type TestGateway } from '../helpers/gateway';
import { startServeProcess, type ServeProcess } from '../helpers/serve-process';
import { tempSqlitePath } from '../helpers/temp-database';

const REPORT_TEXT = '测试用机关2023年政府信息公开工作年度报告\n一、总体情况\n二、主动公开政府信息情况\n';
const INGEST = 'mutation($text: String!) { ingestReport(input: { text: $text, agencyName: "测试用机关", year: 2023 }) { outcome } }';
const DELETE = 'mutation { deleteReport(id: "1") }';
const CORRECT = 'mutation { correctCells(reportId: "1", reason: "test", cells: [{ address: "t3/new/total", value: 9 }]) { version { id } } }';
const SNAPSHOT = '{ reports { totalCount } report(id: "1") { cells { address value } } }';

describe('a gateway started without NIANBAO_API_KEYS refuses every mutation', () => {
  describe('in process, on a loopback port', () => {
    let gateway: TestGateway;
    beforeAll(async () => {
      gateway = await startTestGateway(SAMPLE_SOURCES.slice(0, 2));
    });
    afterAll(() => gateway?.stop());

    it.each([
      ['ingestReport', INGEST],
      ['deleteReport', DELETE],
      ['correctCells', CORRECT],
    ])('%s: 401 UNAUTHENTICATED without a key, 403 FORBIDDEN with any key; nothing changes', async (name, mutation) => {
      const before = (await gateway.graphql(SNAPSHOT)).body;
      expect(before).toMatchObject({ data: { reports: { totalCount: 2 } } });
      const none = await gateway.graphql(mutation, { text: REPORT_TEXT });
      expect([none.status, none.body.errors?.[0]?.extensions?.code, none.body.data ?? null]).toEqual([401, 'UNAUTHENTICATED', null]);
      expect(none.body.errors![0]!.message).toContain(name);
      const guessed = await gateway.graphql(mutation, { text: REPORT_TEXT }, { authorization: 'Bearer anything' });
      expect([guessed.status, guessed.body.errors?.[0]?.extensions?.code]).toEqual([403, 'FORBIDDEN']);
      expect((await gateway.graphql(SNAPSHOT)).body).toEqual(before);
    });
  });

  describe('`nianbao serve` with NIANBAO_API_KEYS empty', () => {
    const db = tempSqlitePath();
    let serve: ServeProcess;
    beforeAll(async () => {
      serve = await startServeProcess(['--db', db.path, '--load', SEEDS], { NIANBAO_API_KEYS: '' });
    });
    afterAll(async () => {
      await serve?.stop();
      db.cleanup();
    });

    it('refuses ingestReport and stores nothing', async () => {
      const count = async () => ((await serve.graphql('{ reports { totalCount } }')) as { data: { reports: { totalCount: number } } }).data.reports.totalCount;
      const before = await count();
      const refused = (await serve.graphql(INGEST, { text: REPORT_TEXT })) as { errors?: { extensions?: { code?: string } }[] };
      expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const guessed = (await serve.graphql(INGEST, { text: REPORT_TEXT }, { authorization: 'Bearer anything' })) as { errors?: { extensions?: { code?: string } }[] };
      expect(guessed.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(await count()).toBe(before);
    });
  });
});
