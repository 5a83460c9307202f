import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agency } from '../../src/entities/agency.entity';
import { openDatabase } from '../../src/database/data-source';
import { sampleText } from '../helpers/fixtures';
import { SAMPLE_SOURCES, startTestGateway, type TestGateway } from '../helpers/gateway';
import { runCli } from '../helpers/run-cli';
import { openTempSqlite } from '../helpers/temp-database';

const KEY = { authorization: 'Bearer test-key-1' };
const ZONE = '驻马店经济开发区管委会';

describe('agency metadata and the agency tree', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway(SAMPLE_SOURCES, { apiKeys: 'test-key-0, test-key-1' });
  });
  afterAll(() => gateway.stop());

  const agencies = () => gateway.dataSource.getRepository(Agency).find({ order: { id: 'ASC' } });
  const setMetadata = (input: Record<string, unknown>, headers: Record<string, string> = KEY) =>
    gateway.graphql<{ setAgencyMetadata: { name: string; region: string | null; level: string | null; parent: { name: string } | null } }>(
      'mutation($input: AgencyMetadataInput!) { setAgencyMetadata(input: $input) { name region level parent { name } } }',
      { input },
      headers,
    );

  it('guesses level and governing body from the names on ingest', async () => {
    const { body } = await gateway.graphql<{ agency: { level: string; children: { name: string; level: string; parent: { name: string } }[] } }>(
      `{ agency(name: "${ZONE}") { level children { name level parent { name } } } }`,
    );
    expect(body.data!.agency).toEqual({
      level: 'DEVELOPMENT_ZONE',
      children: [
        { name: '驻马店经济开发区招商局', level: 'DEPARTMENT', parent: { name: ZONE } },
        { name: '驻马店经济开发区统计局', level: 'DEPARTMENT', parent: { name: ZONE } },
      ],
    });
  });

  it('mutations need a key: none is UNAUTHENTICATED, a wrong one FORBIDDEN, and nothing changes', async () => {
    const before = await agencies();
    const none = await setMetadata({ name: ZONE, region: '河南省' }, {});
    expect(none.body.errors![0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringContaining('Authorization: Bearer <key>') });
    const wrong = await setMetadata({ name: ZONE, region: '河南省' }, { authorization: 'Bearer nope' });
    expect(wrong.body.errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(await agencies()).toEqual(before);
  });

  it('sets region and level; filters reports by region and subtree', async () => {
    const { body } = await setMetadata({ name: ZONE, region: ' 河南省 / 驻马店市 ', fullName: '驻马店经济开发区管理委员会' });
    expect(body.data!.setAgencyMetadata).toEqual({ name: ZONE, region: '河南省/驻马店市', level: 'DEVELOPMENT_ZONE', parent: null });
    await setMetadata({ name: '驻马店经济开发区统计局', region: '河南省/驻马店市' });
    const zone = (await agencies()).find((a) => a.name === ZONE)!;
    const count = async (filter: string) => (await gateway.graphql<{ reports: { totalCount: number } }>(`{ reports(filter: ${filter}) { totalCount } }`)).body.data!.reports.totalCount;
    expect(await count('{ region: "河南省" }')).toBe(2);
    expect(await count('{ region: "河南省/驻马店市" }')).toBe(2);
    expect(await count('{ region: "河南" }')).toBe(0);
    expect(await count(`{ agencySubtree: "${zone.id}" }`)).toBe(3);
    expect(await count('{ level: DEPARTMENT }')).toBe(3);
  });

  it('moving an agency moves its subtree; an agency cannot go under itself', async () => {
    const all = await agencies();
    const zone = all.find((a) => a.name === ZONE)!;
    const other = all.find((a) => a.name === '经济技术开发区管理办公室')!;
    expect((await setMetadata({ id: String(zone.id), parentId: String(other.id) })).body.errors).toBeUndefined();
    const moved = await agencies();
    expect(moved.find((a) => a.name === '驻马店经济开发区统计局')!.path).toBe(`/${other.id}/${zone.id}/`);
    const count = (await gateway.graphql<{ reports: { totalCount: number } }>(`{ reports(filter: { agencySubtree: "${other.id}" }) { totalCount } }`)).body.data!.reports.totalCount;
    expect(count).toBe(4);
    const cycle = await setMetadata({ id: String(other.id), parentId: String(zone.id) });
    expect(cycle.body.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('cannot be its own ancestor') });
    expect((await setMetadata({ id: String(zone.id), parentId: null })).body.data!.setAgencyMetadata.parent).toBeNull();
    expect((await agencies()).find((a) => a.name === '驻马店经济开发区统计局')!.path).toBe(`/${zone.id}/`);
  });

  it('the tree: roots, children, parent', async () => {
    const { body } = await gateway.graphql<{ agencies: { edges: { node: { name: string; children: { name: string }[] } }[] } }>(
      '{ agencies(filter: { roots: true }) { edges { node { name children { name } } } } }',
    );
    expect(body.data!.agencies.edges.map((e) => [e.node.name, e.node.children.length])).toEqual([
      ['新绛县招商投资促进中心', 0],
      ['经济技术开发区管理办公室', 0],
      [ZONE, 2],
    ]);
  });

  it('ingestReport and deleteReport mutations, with a key', async () => {
    const stored = await gateway.graphql<{ ingestReport: { outcome: string; report: { id: string; year: number; agency: { name: string } } } }>(
      'mutation($text: String!) { ingestReport(input: { text: $text, agencyName: "测试用机关", fileName: "t.txt" }) { outcome report { id year agency { name } } warnings { code } } }',
      { text: sampleText('003_df08a9a1df66fae3.txt') },
      KEY,
    );
    expect(stored.body.data!.ingestReport).toMatchObject({ outcome: 'STORED', report: { year: 2023, agency: { name: '测试用机关' } } });
    const again = await gateway.graphql<{ ingestReport: { outcome: string } }>(
      'mutation($text: String!) { ingestReport(input: { text: $text, agencyName: "测试用机关" }) { outcome } }',
      { text: sampleText('003_df08a9a1df66fae3.txt') },
      KEY,
    );
    expect(again.body.data!.ingestReport.outcome).toBe('UNCHANGED');
    const id = stored.body.data!.ingestReport.report.id;
    expect((await gateway.graphql(`mutation { deleteReport(id: "${id}") }`, {}, KEY)).body.data).toEqual({ deleteReport: true });
    expect((await gateway.graphql(`mutation { deleteReport(id: "${id}") }`, {}, KEY)).body.data).toEqual({ deleteReport: false });
    expect((await gateway.graphql(`{ report(id: "${id}") { id } }`)).body.data).toEqual({ report: null });
    const unauthenticated = await gateway.graphql('mutation { deleteReport(id: "1") }');
    expect(unauthenticated.body.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    const refused = await gateway.graphql('mutation { ingestReport(input: { text: "不是报告", fileName: "x.txt" }) { outcome } }', {}, KEY);
    expect(refused.body.errors![0]).toMatchObject({ message: expect.stringMatching(/^x\.txt: not an annual report/), extensions: { code: 'BAD_USER_INPUT' } });
  });
});

/** An empty, migrated SQLite file: `agencies import` does not create a database (only ingest and serve do). */
async function emptyDatabase() {
  const { dataSource, file } = await openTempSqlite();
  await dataSource.destroy();
  return file;
}

describe('nianbao agencies import', () => {
  it('imports a CSV: regions, levels, parents named in the file', async () => {
    const tmp = await emptyDatabase();
    try {
      const csv = join(tmp.dir, 'agencies.csv');
      writeFileSync(csv, '\uFEFFname,fullName,shortName,region,level,parent\n某市人民政府,,,河南省/某市,CITY,\n某市统计局,某市统计局,市统计局,河南省/某市,DEPARTMENT,某市人民政府\n');
      const run = runCli(['agencies', 'import', csv, '--db', tmp.path]);
      expect(run.stderr).toBe('');
      expect(run.stdout).toBe(`${csv}: 2 agencies created, 0 updated\n`);
    } finally {
      tmp.cleanup();
    }
  });

  it.each([
    ['name,colour\nA,red\n', 'unknown column(s) colour'],
    ['name,level\nA,BUREAU\n', 'line 2: level "BUREAU" is not one of PROVINCE, CITY, COUNTY, TOWNSHIP, DEVELOPMENT_ZONE, DEPARTMENT, OTHER'],
    ['name,parent\nA,\nB,C\n', 'line 3: parent "C" is not an agency of the file or the database'],
    ['name,parent\nA,B\nB,A\n', 'line 3: A is B itself or under it: an agency cannot be its own ancestor'],
    ['fullName\nA\n', 'the header needs a "name" column'],
  ])('refuses %j whole: %s', async (csv, message) => {
    const tmp = await emptyDatabase();
    try {
      const file = join(tmp.dir, 'bad.csv');
      writeFileSync(file, csv);
      const run = runCli(['agencies', 'import', file, '--db', tmp.path]);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(message);
      expect(run.stderr).toContain('nothing was imported');
      const dataSource = await openDatabase({ kind: 'sqlite', path: tmp.path });
      expect(await dataSource.getRepository(Agency).count()).toBe(0);
      await dataSource.destroy();
    } finally {
      tmp.cleanup();
    }
  });
});
