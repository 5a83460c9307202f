import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportRecord } from '../../src/services/cell-export.service';
import { FIXTURES, SAMPLE_FILES, SEEDS } from '../helpers/fixtures';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { ndjson, runCli } from '../helpers/run-cli';
import { cliDatabase } from '../helpers/test-databases';

const PDF_2023 = join(FIXTURES, 'pdf', 'hongze-2023.pdf');
const PDF_2024 = join(FIXTURES, 'pdf', 'hongze-2024.pdf');
const EDITOR = { authorization: 'Bearer editor-secret-1' };
// t2/penalty/decisions of hongze-2023.pdf: 4119 on page 3, where pdftotext boxes it at x 362.159–386.159, 132.218–147.962 from the top.
const PENALTY = { raw: '4119', page: 3, box: { x: 362.16, y: 697.71, width: 24, height: 12 } };
const CELL = 'page box { x y width height }';

interface CellView {
  address: string;
  raw: string | null;
  page: number | null;
  box: { x: number; y: number; width: number; height: number } | null;
}

describe('page and box over GraphQL, through a correction, and in the export', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway([{ file: PDF_2023 }, { file: PDF_2024 }, { file: join(SEEDS, SAMPLE_FILES[0]!) }], { apiKeys: 'alice:editor:editor-secret-1' });
  });
  afterAll(() => gateway.stop());

  const reportOf = async (agencyName: string, year: number) =>
    (
      await gateway.graphql<{ report: { id: string; sections: { code: string; page: number | null; children: { code: string; page: number | null }[] }[]; cells: CellView[]; version: { id: string; cells: CellView[] } } }>(
        `query($name: String!, $year: Int!) { report(agencyName: $name, year: $year) { id sections { code page children { code page } } cells(table: "t2") { address raw ${CELL} }
           version { id parentId cells(table: "t2") { address raw ${CELL} } } } }`,
        { name: agencyName, year },
      )
    ).body.data!.report;

  it('a PDF report: its cells and versions carry page and box, its sections their page; a text report has none', async () => {
    const pdf = await reportOf('洪泽区人民政府', 2023);
    expect(pdf.cells.find((c) => c.address === 't2/penalty/decisions')).toEqual({ address: 't2/penalty/decisions', ...PENALTY });
    expect(pdf.version.cells).toEqual(pdf.cells);
    // As `pdftotext -layout` shows the headings of hongze-2024.pdf: 一 on page 1, its （三） on page 2, 二 on 2, 三 on 3, 四 and 五 on 4, 六 on 5.
    const sections = (await reportOf('洪泽区人民政府', 2024)).sections;
    expect(sections.map((s) => [s.code, s.page])).toEqual([['1', 1], ['2', 2], ['3', 3], ['4', 4], ['5', 4], ['6', 5]]);
    expect(sections[0]!.children.map((s) => [s.code, s.page])).toEqual([['1.1', 1], ['1.2', 1], ['1.3', 2], ['1.4', 2], ['1.5', 2]]);
    const text = await reportOf('驻马店经济开发区招商局', 2023);
    expect(new Set(text.cells.map((c) => `${c.page} ${c.box}`))).toEqual(new Set(['null null']));
    expect(new Set(text.sections.map((s) => s.page))).toEqual(new Set([null]));
  });

  it('a corrected cell keeps where it is printed, in the new version and in the diff', async () => {
    const { id } = await reportOf('洪泽区人民政府', 2023);
    const { body } = await gateway.graphql<{ correctCells: { version: { id: string; parentId: string; cells: CellView[] } } }>(
      `mutation($id: ID!) { correctCells(reportId: $id, reason: "checked against page 3", cells: [{ address: "t2/penalty/decisions", value: 4120 }]) {
         version { id parentId cells(table: "t2") { address raw ${CELL} } } } }`,
      { id },
      EDITOR,
    );
    const version = body.data!.correctCells.version;
    expect(version.cells.find((c) => c.address === 't2/penalty/decisions')).toEqual({ address: 't2/penalty/decisions', ...PENALTY });
    const after = await reportOf('洪泽区人民政府', 2023);
    expect(after.version.id).toBe(version.id);
    expect(after.cells.find((c) => c.address === 't2/penalty/decisions')).toEqual({ address: 't2/penalty/decisions', ...PENALTY });
    const diff = await gateway.graphql<{ report: { diff: { address: string; before: CellView; after: CellView }[] } }>(
      `query($from: ID!, $to: ID!) { report(agencyName: "洪泽区人民政府", year: 2023) { diff(from: $from, to: $to) { address before { raw ${CELL} } after { raw ${CELL} } } } }`,
      { from: version.parentId, to: version.id },
    );
    expect(diff.body.data!.report.diff).toEqual([{ address: 't2/penalty/decisions', before: PENALTY, after: PENALTY }]);
  });
});

describe('`nianbao export` of a PDF report', () => {
  it('gives each cell its page and box columns', async () => {
    const database = await cliDatabase();
    try {
      expect(runCli(['ingest', PDF_2023, ...database.args], database.env).status).toBe(0);
      const records = ndjson<ExportRecord>(runCli(['export', '--format', 'ndjson', '--tables', 't2', ...database.args], database.env).stdout);
      expect(records.find((r) => r.address === 't2/penalty/decisions')).toMatchObject({ raw: '4119', page: 3, boxX: 362.16, boxY: 697.71, boxWidth: 24, boxHeight: 12 });
      const csv = runCli(['export', '--tables', 't2', ...database.args], database.env).stdout.split('\n');
      expect(csv[0]).toContain(',line,page,boxX,boxY,boxWidth,boxHeight,versionId,');
      expect(csv.find((line) => line.includes(',t2/penalty/decisions,'))).toContain(',4119,NUMBER,false,,48,3,362.16,697.71,24,12,');
    } finally {
      await database.cleanup();
    }
  });
});
