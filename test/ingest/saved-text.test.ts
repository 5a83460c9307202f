import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { delimitedText } from '../../src/ingest/delimited-text';
import { isMarkdown } from '../../src/ingest/markdown-text';
import { isPageNumber, withoutPageClutter } from '../../src/ingest/page-clutter';
import { parseReport } from '../../src/ingest/parse-report';
import { readSource } from '../../src/ingest/read-source';
import { cellAddress } from '../../src/template/tables.template';
import { FIXTURES, SAMPLE_FILES, sampleText } from '../helpers/fixtures';

/** A report's tables as a web page saved as text prints them (the row shapes below were seen on government sites). */
const HEAD = ['首页 | 政务公开 | 政府信息公开年报', '当前位置:首页 > 政务公开 > 年度报告', '某某县财政局2023年政府信息公开工作年度报告', '一、总体情况', '本年度共收到申请 5 件。'];
const PIPE_REPORT = [
  ...HEAD,
  '二、主动公开政府信息情况',
  '第二十条第(一)项 | |||',
  '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
  '||||',
  '规章 | 2 |  | 7 |',
  '第 2 页',
  '行政规范性文件 | １２ | 0 | 3４ |',
  '三、收到和处理政府信息公开申请情况',
  '(本列数据的勾稽关系为:第一项加第二项之和，等于第三项加第四项之和) | | 申请人情况 | |||',
  '| | 自然人 | 法人或其他组织 | | 总计 |',
  '|',
  '| | | 商业 | 企业 | 科研机构 |',
  '一、本年新收政府信息公开申请数量 | 5 | 0 | 1 | 0 | 0 | 2 | 8 | ||',
  '- 3 -',
  '三、本年度办理结果 | (一)予以公开 | 3 | 0 | 1 | 0 | 0 | 1 | 5 | |',
].join('\n');

const CELL_LINES_REPORT = [...HEAD, '二、主动公开政府信息情况', '第二十条第(一)项 | |||', '信息内容 |', '本年制发件数 |', '本年废止件数 |', '现行有效件数 |', '规章 |', '1 |', '3/12', '0 |', '4 |', '行政规范性文件 |', '|', '6', '|', '0', '|', '9'].join('\n');

async function readCells(text: string) {
  const source = await readSource(Buffer.from(text));
  const report = parseReport(source.text);
  return { format: source.sourceFormat, report, cell: (address: string) => report.cells.find((c) => cellAddress(c) === address)! };
}

describe('a report saved from a web page as text', () => {
  it('pipe rows: the values a person reads in them, a cell left empty BLANK, full-width digits as digits, at the line they are printed on', async () => {
    const { format, report, cell } = await readCells(PIPE_REPORT);
    expect(format).toBe('TEXT');
    expect(report.agencyName).toBe('某某县财政局');
    expect(['issued', 'repealed', 'inForce'].map((c) => [cell(`t2/regulations/${c}`).value, cell(`t2/regulations/${c}`).status])).toEqual([
      [2, 'NUMBER'],
      [null, 'BLANK'],
      [7, 'NUMBER'],
    ]);
    expect(['issued', 'repealed', 'inForce'].map((c) => cell(`t2/normativeDocuments/${c}`).value)).toEqual([12, 0, 34]);
    const columns = ['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalServices', 'otherOrg', 'total'];
    expect(columns.map((c) => cell(`t3/new/${c}`).value)).toEqual([5, 0, 1, 0, 0, 2, 8]);
    expect(columns.map((c) => cell(`t3/granted/${c}`).value)).toEqual([3, 0, 1, 0, 0, 1, 5]);
    const lines = PIPE_REPORT.split('\n');
    expect(cell('t2/regulations/issued').line).toBe(lines.indexOf('规章 | 2 |  | 7 |') + 1);
    expect(cell('t3/granted/total').line).toBe(lines.findIndex((l) => l.includes('予以公开')) + 1);
  });

  it('one cell per line, with a trailing pipe or between lone pipe lines, across a page number', async () => {
    const { format, cell } = await readCells(CELL_LINES_REPORT);
    expect(format).toBe('TEXT');
    expect(['issued', 'repealed', 'inForce'].map((c) => cell(`t2/regulations/${c}`).value)).toEqual([1, 0, 4]);
    expect(['issued', 'repealed', 'inForce'].map((c) => cell(`t2/normativeDocuments/${c}`).value)).toEqual([6, 0, 9]);
    expect(cell('t2/regulations/issued').line).toBe(CELL_LINES_REPORT.split('\n').indexOf('1 |') + 1);
  });

  it('rows laid out in columns by runs of spaces; a single space stays inside a cell', () => {
    const text = ['规章      2      0      7', '(一) 予以公开    3    0', '结果 维持    结果 纠正', '一句话里的 空格'].join('\n');
    expect(delimitedText(text).split('\n')).toEqual(['规章\t2\t0\t7', '(一) 予以公开\t3\t0', '结果 维持\t结果 纠正', '一句话里的 空格']);
  });

  it('pipe shapes become tab rows; header rules and lines of pipes become blank lines, so every line keeps its number', () => {
    const text = ['第二十条第(一)项 | |||', '---|---|---|---', '| 规章 | 0 | 0 | 0 |', '||||', '|', '行政许可｜3｜｜', '0 |', '+----+----+'].join('\n');
    expect(delimitedText(text).split('\n')).toEqual(['第二十条第(一)项\t\t\t', '', '规章\t0\t0\t0', '', '', '行政许可\t3\t', '0', '']);
  });

  it('a header rule among rows printed without a leading pipe is saved text, not a Markdown table', () => {
    const rows = ['| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |', '| 规章 | 0 | 0 | 0 |', '||||', '| 行政规范性文件 | 1 | 0 | 3 |'];
    const rule = '| --- | --- | --- | --- |';
    expect(isMarkdown([rows[0], rule, ...rows.slice(1)].join('\n'))).toBe(true);
    expect(isMarkdown(['| | 自然人 | 法人或其他组织 |', '---|---|---', '一、本年新收政府信息公开申请数量 | 5 | 0 |', '', ...rows].join('\n'))).toBe(false);
    expect(isMarkdown([rows[0], rule, '规章 | 0 | 0 | 0 |', ...rows.slice(1)].join('\n'))).toBe(false);
  });

  it('a t2 row with a value past its columns (an empty cell printed in front, a blank cell lost) is MISSING, never shifted; empty padding after it is no value', async () => {
    const { cell, report } = await readCells([...HEAD, '二、主动公开政府信息情况', '信息内容\t本年制发件数\t本年废止件数\t现行有效件数', '规章\t\t2\t0\t7', '行政规范性文件\t1\t0\t3\t\t'].join('\n'));
    expect(['issued', 'repealed', 'inForce'].map((c) => cell(`t2/regulations/${c}`).status)).toEqual(['MISSING', 'MISSING', 'MISSING']);
    expect(report.warnings.find((w) => w.address === 't2/regulations')?.code).toBe('EXTRA_CELLS');
    expect(['issued', 'repealed', 'inForce'].map((c) => cell(`t2/normativeDocuments/${c}`).value)).toEqual([1, 0, 3]);
  });

  it('t4 numbers wrap onto the next line but not past a label: numbers after one belong to that row, not to t4', async () => {
    const t4 = ['四、政府信息公开行政复议、行政诉讼情况', '行政复议', '行政诉讼', '0', '1', '0', '0', '1', '0', '0', '0', '其他对外管理服务事项', '5', '0', '36', '2', '0', '0', '2'];
    const { cell } = await readCells([...HEAD, '二、主动公开政府信息情况', '信息内容\t本年制发件数\t本年废止件数\t现行有效件数', '三、收到和处理政府信息公开申请情况', ...t4].join('\n'));
    const cells = ['review', 'litigationDirect', 'litigationAfterReview'].flatMap((row) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((column) => cell(`t4/${row}/${column}`)));
    expect(cells.filter((c) => c.status !== 'MISSING' && !c.inferred)).toEqual([]);
  });

  it('a row joined from one cell per line, its cells between lone pipes, is read at the line of its first value', async () => {
    const rows = ['二、主动公开政府信息情况', '信息内容 |', '本年制发件数 |', '本年废止件数 |', '现行有效件数 |', '规章 |', '|', '2 |', '|', '0 |', '|', '7 |', '行政规范性文件 |', '', '1 |', '', '0 |', '', '3 |'];
    const { cell } = await readCells([...HEAD, ...rows].join('\n'));
    const lineOf = (printed: string) => HEAD.length + rows.indexOf(printed) + 1;
    expect(['issued', 'repealed', 'inForce'].map((c) => cell(`t2/regulations/${c}`))).toMatchObject([2, 0, 7].map((value) => ({ value, line: lineOf('2 |') })));
    expect(cell('t2/normativeDocuments/issued')).toMatchObject({ value: 1, line: lineOf('1 |') });
  });

  it('page numbers in their printed forms are told from values', () => {
    for (const line of ['第 3 页', '第３页', '第3页 共12页', '共12页 第3页', '- 3 -', '—3—', '3/12', ' 3 / 12 ', 'Page 3 of 12']) expect(isPageNumber(line), line).toBe(true);
    for (const line of ['3', '0', '-', '—', '-1', '12.5', '2023年', '第二十条第（一）项', '本年增/减']) expect(isPageNumber(line), line).toBe(false);
  });

  it('plain tab-separated text (the samples, the 2019 layout) comes through unchanged', () => {
    const texts = [...SAMPLE_FILES.map(sampleText), readFileSync(join(FIXTURES, 'g2', '2020-g2-finance.txt'), 'utf8')];
    for (const text of texts) expect(delimitedText(withoutPageClutter(text))).toBe(text);
  });
});
