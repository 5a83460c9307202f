import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { placeCells } from '../../src/ingest/attach-pdf-places';
import { readCell } from '../../src/ingest/cell-factory';
import { parseReport } from '../../src/ingest/parse-report';
import { splitTableLine } from '../../src/ingest/table-line';
import type { ParsedReport } from '../../src/ingest/parsed-report.types';
import { readSource } from '../../src/ingest/read-source';
import { cellAddress } from '../../src/template/tables.template';
import { FIXTURES, SAMPLE_FILES, SEEDS } from '../helpers/fixtures';

const PAGE_HEIGHT = 842;

/**
 * Where values are printed, as `pdftotext -bbox -f N -l N` gives each word:
 * its page and its box in points from the page's top-left corner (A4, 595 × 842).
 */
const PRINTED: Record<number, [address: string, raw: string, page: number, xMin: number, yMin: number, xMax: number, yMax: number][]> = {
  2023: [
    ['t2/licensing/decisions', '550', 2, 365.159, 703.298, 383.159, 719.042],
    ['t2/penalty/decisions', '4119', 3, 362.159, 132.218, 386.159, 147.962],
    ['t3/unable.needsCreation/naturalPerson', '3', 3, 322.2, 761.74005, 329.225, 775.8322],
    ['t3/resultsTotal/naturalPerson', '21', 4, 318.72, 229.42105, 332.8247, 243.5132],
    ['t4/review/upheld', '10', 4, 86.159, 452.02105, 100.2637, 466.1132],
    ['t4/litigationAfterReview/upheld', '5', 4, 383.64, 452.02105, 390.665, 466.1132],
  ],
  2024: [
    ['t2/licensing/decisions', '9487', 2, 362.159, 741.542, 386.159, 753.53],
    ['t2/fees/amount', '7545', 3, 362.159, 327.422, 386.159, 343.562],
    ['t3/granted/naturalPerson', '50', 3, 318.72, 545.86105, 332.8247, 559.897],
    ['t3/resultsTotal/total', '95', 4, 492.359, 249.34005, 506.4637, 263.376],
    ['t4/litigationAfterReview/total', '3', 4, 497.4, 443.86105, 504.425, 457.897],
  ],
};

async function readPdf(year: number): Promise<ParsedReport> {
  const { text, places } = await readSource(readFileSync(join(FIXTURES, 'pdf', `hongze-${year}.pdf`)));
  return parseReport(text, { places });
}

describe.each([2023, 2024])('hongze-%i.pdf: each cell keeps the page and box it is printed in', (year) => {
  let report: ParsedReport;
  beforeAll(async () => {
    report = await readPdf(year);
  });

  it('cells of t2, t3 and t4 on their pages, boxed where pdftotext finds their text', () => {
    const cells = new Map(report.cells.map((cell) => [cellAddress(cell), cell]));
    for (const [address, raw, page, xMin, yMin, xMax, yMax] of PRINTED[year]!) {
      const cell = cells.get(address)!;
      expect({ address, raw: cell.raw, page: cell.page }).toEqual({ address, raw, page });
      const box = cell.box!;
      expect(box.x, address).toBeCloseTo(xMin, 1);
      expect(box.x + box.width, address).toBeCloseTo(xMax, 1);
      // pdftotext boxes the glyphs, descent included; the box stands on the baseline and is the font size tall.
      expect(box.y, address).toBeGreaterThan(PAGE_HEIGHT - yMax);
      expect(box.y, address).toBeLessThan(PAGE_HEIGHT - yMin);
      expect(Math.abs(box.y + box.height - (PAGE_HEIGHT - yMin)), address).toBeLessThan(2.5);
    }
  });

  it('the rows of （六）其他处理, inferred from its one printed row, have its page and no box', () => {
    const inferred = report.cells.filter((cell) => cell.rule === 't3.singleRow/other');
    expect(inferred).toHaveLength(21);
    for (const cell of inferred) expect({ page: cell.page, box: cell.box }).toEqual({ page: 4, box: null });
  });
});

describe('sections and other formats', () => {
  it('hongze-2024.pdf: each part and sub-part starts on the page its heading is printed on', async () => {
    const report = await readPdf(2024);
    const pages = report.sections.flatMap((part) => [[part.code, part.page], ...part.children.map((sub) => [sub.code, sub.page])]);
    expect(pages).toEqual([
      ['1', 1], ['1.1', 1], ['1.2', 1], ['1.3', 2], ['1.4', 2], ['1.5', 2],
      ['2', 2], ['3', 3], ['4', 4], ['5', 4], ['6', 5],
    ]);
  });

  it('a text report has no pages: every cell and section has page and box null', async () => {
    const { text, places } = await readSource(readFileSync(join(SEEDS, SAMPLE_FILES[0]!)));
    expect(places).toBeUndefined();
    const report = parseReport(text, { places });
    expect(new Set(report.cells.map((cell) => `${cell.page} ${JSON.stringify(cell.box)}`))).toEqual(new Set(['null null']));
    expect(report.cells.every((cell) => !('offset' in cell))).toBe(true);
    expect(new Set(report.sections.flatMap((part) => [part, ...part.children]).map((section) => section.page))).toEqual(new Set([null]));
  });
});

describe('a box from the runs of a line', () => {
  it('values printed in one run share its width by characters; a blank field has the page and no box', () => {
    // "规章" in one run, "10 0 200" in another (tabs lost in extraction), then an empty cell.
    const text = '规章\t10 0 200\t';
    const line = splitTableLine(text);
    expect(line).toEqual({ label: '规章', values: ['10', '0', '200', ''], offsets: [3, 6, 8, 12] });
    const places = [{ page: 2, runs: [{ start: 0, end: 2, x: 80, y: 500, width: 24, height: 12 }, { start: 3, end: 11, x: 300, y: 500, width: 48, height: 12 }] }];
    const cells = placeCells(line.values.map((raw, i) => readCell('t2', 'regulations', `c${i}`, raw, 1, line.offsets[i])), places);
    expect(cells.map((cell) => [cell.raw, cell.status, cell.page, cell.box])).toEqual([
      ['10', 'NUMBER', 2, { x: 300, y: 500, width: 12, height: 12 }],
      ['0', 'ZERO', 2, { x: 318, y: 500, width: 6, height: 12 }],
      ['200', 'NUMBER', 2, { x: 330, y: 500, width: 18, height: 12 }],
      ['', 'BLANK', 2, null],
    ]);
  });
});
