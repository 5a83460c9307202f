import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/ingest/parse-report';
import type { ParsedReport } from '../../src/ingest/parsed-report.types';
import { readSource } from '../../src/ingest/read-source';
import { cellAddress } from '../../src/template/tables.template';
import { SAMPLE_FILES, sampleText } from '../helpers/fixtures';
import { G2_TEXT } from '../helpers/g2-variants';
import { wrapLabelsInPdf, wrapLabelsInText } from '../helpers/render-wrapped';

const REPORTS: [string, string][] = [...SAMPLE_FILES.map((file): [string, string] => [file, sampleText(file)]), ['the 2019-layout G2 fixture', G2_TEXT]];

const cells = (report: ParsedReport) => report.cells.map((c) => `${cellAddress(c)}=${c.value}:${c.status}${c.inferred ? `:inferred ${c.rule}` : ''}`);
const rowWarnings = (report: ParsedReport) => report.warnings.filter((w) => ['ROW_NOT_FOUND', 'UNRECOGNISED_ROW', 'INFERRED_CELL', 'LOST_CELL'].includes(w.code)).map((w) => w.address ?? w.code);

/** The rows each rendering wraps, as a person reads LABEL_WRAPS against the report. */
const WRAPPED_ROWS = ['t3/new', 't3/partiallyGranted', 't3/unable.notHeld', 't3/notProcessed.excessive', 't3/notProcessed.confirmation', 't3/resultsTotal', 't3/carriedForward'];

describe.each(REPORTS)('%s with row labels wrapped around their values', (_name, original) => {
  const want = parseReport(original);

  it('as text: every cell as in the original, the wrapped rows read from their values line, none inferred anew', () => {
    const { text, wrapped } = wrapLabelsInText(original);
    expect(wrapped).toBeGreaterThanOrEqual(8);
    const got = parseReport(text);
    expect(cells(got)).toEqual(cells(want));
    expect(rowWarnings(got)).toEqual(rowWarnings(want));
    for (const row of [...WRAPPED_ROWS, 't2/normativeDocuments', 't2/fees']) {
      const rowCells = got.cells.filter((c) => `${c.table}/${c.row}` === row);
      expect(rowCells.length, row).toBeGreaterThan(0);
      for (const cell of rowCells) expect(cell.line, `${row} read from a line`).not.toBeNull();
    }
  });

  it('as a PDF with the label parts above and below the values: the same cells', async () => {
    const { text } = await readSource(wrapLabelsInPdf(original));
    expect(text).toMatch(/要求行政机关确认或重新出\n[^\n]*\d[^\n]*\n具已获取信息/);
    const got = parseReport(text);
    expect(cells(got)).toEqual(cells(want));
    expect(rowWarnings(got)).toEqual(rowWarnings(want));
  });
});

describe('which line a wrapped label belongs to', () => {
  const report = (rows: string) => parseReport(`某某局2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n三、收到和处理政府信息公开申请情况\n${rows}\n四、政府信息公开行政复议、行政诉讼情况\n`);
  const valuesOf = (parsed: ParsedReport, row: string) => parsed.cells.filter((c) => c.table === 't3' && c.row === row).map((c) => c.value);

  it('the issue\'s shape: 5.要求…重新出 / values / 具已获取信息 reads row 5, and the next row keeps its own label', () => {
    const parsed = report(['4.无正当理由大量反复申请\t0\t0\t0\t0\t0\t0\t0', '5.要求行政机关确认或重新出', '2\t0\t0\t0\t0\t0\t2', '具已获取信息', '（六）其他处理\t0\t0\t0\t0\t0\t0\t0', '（七）总计', '2\t0\t0\t0\t0\t0\t2'].join('\n'));
    expect(valuesOf(parsed, 'notProcessed.confirmation')).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(parsed.cells.find((c) => c.row === 'notProcessed.confirmation')?.line).toBe(7);
    expect(valuesOf(parsed, 'resultsTotal')).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(parsed.warnings.filter((w) => w.code === 'UNRECOGNISED_ROW')).toEqual([]);
  });

  it('a label line after the values that names a row of its own is that row\'s, not a continuation', () => {
    const parsed = report(['1.本机关不掌握相关政府信息\t3\t0\t0\t0\t0\t0\t3', '2.没有现成信', '1\t0\t0\t0\t0\t0\t1', '3.补正后申请内容仍不明确', '4\t0\t0\t0\t0\t0\t4'].join('\n'));
    // 2.没有现成信 names no row and the line after it is row 3's own label: row 2 is not found, row 3 keeps its values.
    expect(valuesOf(parsed, 'unable.unclear')).toEqual([4, 0, 0, 0, 0, 0, 4]);
    expect(valuesOf(parsed, 'unable.needsCreation').every((v) => v === null)).toBe(true);
  });

  it('a part before that names its row alone leaves the line after it to the next row', () => {
    const parsed = report(['（二）部分公开（区分处理的，只计这一情', '5\t0\t0\t0\t0\t0\t5', '形，不计其他情形）', '1.属于国家秘密', '1\t0\t0\t0\t0\t0\t1'].join('\n'));
    expect(valuesOf(parsed, 'partiallyGranted')).toEqual([5, 0, 0, 0, 0, 0, 5]);
    expect(valuesOf(parsed, 'denied.stateSecret')).toEqual([1, 0, 0, 0, 0, 0, 1]);
  });
});
