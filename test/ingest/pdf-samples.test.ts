import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellRecord } from '../../src/services/cell-export.service';
import { cellAddress, templateCells } from '../../src/template/tables.template';
import { FIXTURES } from '../helpers/fixtures';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { ndjson, runCli } from '../helpers/run-cli';
import { cliDatabase, type CliDatabase } from '../helpers/test-databases';

const PDF = join(FIXTURES, 'pdf');
const YEARS = [2023, 2024] as const;

interface PdfExpectation {
  agency: string;
  year: number;
  generation: string;
  parts: number;
  cells: Record<string, number | string>;
  damaged: { row: string }[];
  figures: Record<string, number>;
}

const expected = (year: number) => JSON.parse(readFileSync(join(PDF, 'expected', `hongze-${year}.json`), 'utf8')) as PdfExpectation;
const pdfPath = (year: number) => join(PDF, `hongze-${year}.pdf`);

describe('two real PDF reports of one agency, through `nianbao ingest` and `nianbao export`', () => {
  let database: CliDatabase;
  let ingest: ReturnType<typeof runCli>;
  let records: CellRecord[];
  beforeAll(async () => {
    database = await cliDatabase();
    ingest = runCli(['ingest', ...YEARS.map(pdfPath), '--warnings', ...database.args], database.env);
    records = ndjson<CellRecord>(runCli(['export', '--format', 'ndjson', ...database.args], database.env).stdout);
  });
  afterAll(() => database.cleanup());

  it('the summary says the format, the generation, and the one-row （六）其他处理', () => {
    expect(ingest.status).toBe(0);
    expect(ingest.stdout).toMatch(/stored +\S+hongze-2023\.pdf: 洪泽区人民政府 2023 G3 from pdf, 6 parts, 200 cells, 1 warning/);
    expect(ingest.stdout).toMatch(/stored +\S+hongze-2024\.pdf: 淮安市洪泽区人民政府 2024 G3 from pdf, 6 parts, 200 cells, 1 warning/);
    expect(ingest.stdout.match(/warning SINGLE_ROW_BLOCK: t3\/other: line \d+ prints the block as one row \(the 2019 layout\), all 0: its 3 rows are 0, inferred/g)).toHaveLength(2);
  });

  it.each(YEARS)('%i: every cell as a person read it; the one-row block inferred 0', (year) => {
    const want = expected(year);
    const cells = new Map(records.filter((r) => r.year === year).map((r) => [r.address, r]));
    expect(cells.size).toBe(templateCells().length);
    // Both reports belong to one agency, under the name without the city in front.
    expect(new Set(records.map((r) => r.agency))).toEqual(new Set([want.agency]));
    const damagedRows = new Set(want.damaged.map((d) => d.row));
    for (const address of templateCells().map(cellAddress)) {
      const cell = cells.get(address)!;
      expect(cell.value, address).toBe(Number(want.cells[address] ?? 0));
      const row = address.split('/').slice(0, 2).join('/');
      expect(cell.inferred, address).toBe(damagedRows.has(row));
      if (damagedRows.has(row)) expect(cell.rule).toBe('t3.singleRow/other');
    }
  });
});

describe('the PDF pair over GraphQL: figures, the two real errors, year over year', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway(YEARS.map((year) => ({ file: pdfPath(year) })));
  });
  afterAll(() => gateway.stop());

  const report = async (year: number) =>
    (
      await gateway.graphql<{ report: { figures: Record<string, number | null>; checks: { id: string; status: string; expected: number; actual: number }[]; yearOverYear: Record<string, number | null> } }>(
        `{ report(agencyName: "洪泽区人民政府", year: ${year}) { figures { applicationsReceived completionRate disclosureRate fullDisclosureRate denialRate unableRate carryForwardRate reviewCorrectionRate }
           checks { id status expected actual } yearOverYear(measure: "applicationsReceived") { previous current absolute relative } } }`,
      )
    ).body.data!.report;

  it.each(YEARS)('%i: the figures a person computed', async (year) => {
    const { figures } = await report(year);
    for (const [name, value] of Object.entries(expected(year).figures)) expect(figures[name], name).toBeCloseTo(value, 4);
  });

  it("2023: the false t4 totals fail their row checks, 11 and 5 expected against 0; nothing else fails", async () => {
    const failing = (await report(2023)).checks.filter((c) => c.status === 'FAIL');
    expect(failing).toEqual([
      { id: 't4.rowTotal/review', status: 'FAIL', expected: 11, actual: 0 },
      { id: 't4.rowTotal/litigationAfterReview', status: 'FAIL', expected: 5, actual: 0 },
    ]);
  });

  it('2024: the text says 17 applications, the table 95; nothing else fails; year over year 21 → 95', async () => {
    const { checks, yearOverYear } = await report(2024);
    expect(checks.filter((c) => c.status === 'FAIL')).toEqual([{ id: 'narrative/applicationsReceived', status: 'FAIL', expected: 95, actual: 17 }]);
    // carriedOver(2024) = carriedForward(2023) = 0, and the stock of normative documents 5 + 3 − 0 = 8, both hold.
    const crossYear = checks.filter((c) => c.id.startsWith('crossYear'));
    expect(crossYear.map((c) => c.id)).toEqual(expect.arrayContaining(['crossYear.carryOver/total', 'crossYear.stock/normativeDocuments']));
    expect(new Set(crossYear.map((c) => c.status))).toEqual(new Set(['PASS']));
    expect(yearOverYear).toEqual({ previous: 21, current: 95, absolute: 74, relative: expect.closeTo(3.5238, 4) });
  });
});
