import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/ingest/parse-report';
import type { ParsedCell } from '../../src/ingest/parsed-report.types';
import { cellAddress, templateCells } from '../../src/template/tables.template';
import { sampleText } from '../helpers/fixtures';

// One test per quirk of real reports, each on a sample variant written for it, so a regression names its cause.
const S000 = sampleText('000_cee05e4b3f1c7bfd.txt');
const S001 = sampleText('001_e6ee48d9f5f3b505.txt');
const S004 = sampleText('004_bf4f29cfa6729ec5.txt');

function cells(text: string): Map<string, ParsedCell> {
  return new Map(parseReport(text).cells.map((c) => [cellAddress(c), c]));
}

function values(text: string): (number | null)[] {
  return parseReport(text).cells.map((c) => c.value);
}

function replaceOnce(text: string, from: string, to: string): string {
  expect(text.includes(from), `variant source holds ${JSON.stringify(from)}`).toBe(true);
  return text.replace(from, to);
}

describe('parser quirks', () => {
  it('a figure too large for any report (damaged digits) is read as MISSING with a warning, then inferred when the identities fix it', () => {
    const huge = '9'.repeat(40);
    const variant = replaceOnce(S001, '一、本年新收政府信息公开申请数量\t\t6\t', `一、本年新收政府信息公开申请数量\t\t${huge}\t`);
    const report = parseReport(variant);
    expect(report.cells.find((c) => cellAddress(c) === 't3/new/naturalPerson')).toMatchObject({ value: 6, status: 'NUMBER', raw: huge, line: 51, inferred: true, rule: 't3.rowTotal/new' });
    expect(report.warnings).toContainEqual({ code: 'UNREADABLE_VALUE', message: `t3/new/naturalPerson: "${huge}" is not a number a report can hold; read as MISSING`, line: 51, address: 't3/new/naturalPerson' });
    const total = parseReport(replaceOnce(S001, '0\t0\t0\t0\t0\t6\t\n二、上年结转', `0\t0\t0\t0\t0\t${huge}\t\n二、上年结转`));
    expect(total.cells.find((c) => cellAddress(c) === 't3/new/total')).toMatchObject({ value: 6, inferred: true, raw: huge });
  });

  it('a row that lost a cell and holds an unreadable figure: the figure stays MISSING once the identities place the row', () => {
    const huge = '9'.repeat(40);
    const variant = replaceOnce(S001, '一、本年新收政府信息公开申请数量\t\t6\t0\t0\t', `一、本年新收政府信息公开申请数量\t\tInfinity\t0\t${huge}\t`);
    const row = parseReport(variant).cells.filter((c) => c.table === 't3' && c.row === 'new');
    expect(row.find((c) => c.column === 'naturalPerson')).toMatchObject({ value: 6, inferred: true, raw: null });
    expect(row.find((c) => c.column === 'research')).toMatchObject({ value: 0, status: 'ZERO', inferred: true, raw: huge });
    for (const cell of row) expect(cell.value === null ? ['NA', 'MISSING', 'BLANK'] : ['ZERO', 'NUMBER'], cellAddress(cell)).toContain(cell.status);
  });

  it('a t3 header broken over more lines', () => {
    const variant = replaceOnce(S000, '→→→商业企业→科研机构→社会公益组织→法律服务机构→其他→→'.replace(/→/g, '\t'), '\t\t\t商业企业\t科研机构\t社会公益\t法律服务\t其他\t\t\n\n\t\t\t\t\t组织\t机构\t\t\t');
    expect(values(variant)).toEqual(values(S000));
    expect(parseReport(variant).warnings).toEqual([]);
  });

  it('leading tabs lost on every t3 row', () => {
    const variant = S004.split('\n').map((line) => (/\t\d/.test(line) ? line.replace(/^\t+/, '') : line)).join('\n');
    expect(variant).not.toEqual(S004);
    expect(values(variant)).toEqual(values(S004));
  });

  it('a row split after its label', () => {
    const variant = replaceOnce(S004, '\t(四) 无法提供\t1. 本机关不掌握相关政府信息\t1\t0\t0\t0\t0\t0\t1', '\t(四) 无法提供\t1. 本机关不掌握相关政府信息\n1\t0\t0\t0\t0\t0\t1');
    const notHeld = cells(variant);
    expect(notHeld.get('t3/unable.notHeld/naturalPerson')).toMatchObject({ value: 1, line: 68, inferred: false });
    expect(notHeld.get('t3/unable.needsCreation/naturalPerson')).toMatchObject({ value: 0, line: 69 });
    expect(values(variant)).toEqual(values(S004));
  });

  it('a label broken across lines', () => {
    const variant = replaceOnce(S001, '(二) 部分公开(区分处理的,只计这一情形,不计其他情形)\t4', '(二) 部分公开(区分处理的,只计这一\n情形,不计其他情形)\t4');
    expect(cells(variant).get('t3/partiallyGranted/naturalPerson')).toMatchObject({ value: 4, line: 55 });
    expect(values(variant)).toEqual(values(S001));
  });

  it('a lost cell whose position the identities fix is inferred, with its rule', () => {
    const variant = replaceOnce(S001, '(一) 予以公开\t1\t0\t0\t0\t0\t0\t1\t', '(一) 予以公开\t1\t0\t0\t0\t0\t0\t');
    const report = parseReport(variant);
    const byAddress = new Map(report.cells.map((c) => [cellAddress(c), c]));
    expect(byAddress.get('t3/granted/total')).toMatchObject({ value: 1, status: 'NUMBER', inferred: true, rule: 't3.rowTotal/granted', raw: null });
    expect(byAddress.get('t3/granted/naturalPerson')).toMatchObject({ value: 1, raw: '1', inferred: false });
    expect(report.warnings).toEqual([expect.objectContaining({ code: 'LOST_CELL', address: 't3/granted', line: 53 })]);
  });

  it('empty fields after a label are its merged cells: a row that lost its first value is aligned, not shifted', () => {
    const variant = replaceOnce(S004, '一、本年新收政府信息公开申请数量\t\t2\t0\t0\t0\t0\t0\t2\t', '一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t2\t');
    const byAddress = cells(variant);
    expect(byAddress.get('t3/new/naturalPerson')).toMatchObject({ value: 2, status: 'NUMBER', inferred: true, rule: 't3.rowTotal/new' });
    expect(byAddress.get('t3/new/commercial')).toMatchObject({ value: 0, inferred: false, raw: '0' });
  });

  it('a lost cell the identities cannot place stays MISSING, never 0', () => {
    // Both the row and its columns lose their check: resultsTotal is gone too.
    const variant = replaceOnce(
      replaceOnce(S004, '\t(四) 无法提供\t1. 本机关不掌握相关政府信息\t1\t0\t0\t0\t0\t0\t1', '\t(四) 无法提供\t1. 本机关不掌握相关政府信息\t1\t0\t0\t0\t0\t1'),
      '(七) 总计\t\t2\t0\t0\t0\t0\t0\t2\t',
      '(七) 总计\t\t/\t/\t/\t/\t/\t/\t/\t',
    );
    const byAddress = cells(variant);
    expect(byAddress.get('t3/unable.notHeld/naturalPerson')).toMatchObject({ value: null, status: 'MISSING' });
    expect(byAddress.get('t3/resultsTotal/total')).toMatchObject({ value: null, status: 'NA' });
  });

  it('a lost row total is recomputed from its parts and marked inferred', () => {
    const variant = replaceOnce(S004, '(七) 总计\t\t2\t0\t0\t0\t0\t0\t2\t\n', '');
    const report = parseReport(variant);
    const byAddress = new Map(report.cells.map((c) => [cellAddress(c), c]));
    expect(byAddress.get('t3/resultsTotal/total')).toMatchObject({ value: 2, inferred: true, status: 'NUMBER' });
    expect(byAddress.get('t3/resultsTotal/naturalPerson')?.rule).toMatch(/^t3\.(resultsSum|balance)\/naturalPerson$/);
    expect(report.warnings.map((w) => w.code)).toEqual(['ROW_NOT_FOUND', ...Array(7).fill('INFERRED_CELL')]);
  });

  it('the 四、 row of t3 is not the 四、 part heading', () => {
    const variant = replaceOnce(
      replaceOnce(S004, '四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0\t', '四、结转下年度继续办理\t\t1\t0\t0\t0\t0\t0\t1\t'),
      '一、本年新收政府信息公开申请数量\t\t2\t0\t0\t0\t0\t0\t2\t',
      '一、本年新收政府信息公开申请数量\t\t3\t0\t0\t0\t0\t0\t3\t',
    );
    const report = parseReport(variant);
    const byAddress = new Map(report.cells.map((c) => [cellAddress(c), c]));
    expect(byAddress.get('t3/carriedForward/total')).toMatchObject({ value: 1, line: 79 });
    expect(report.sections.find((s) => s.code === '4')).toMatchObject({ line: 81, title: '四、政府信息公开行政复议、行政诉讼情况' });
    expect(report.sections.find((s) => s.code === '3')!.text).toContain('四、结转下年度继续办理');
  });

  it('a short narrative line that ends a sentence is not a part heading, however many heading words it holds', () => {
    const variant = replaceOnce(S000, '二、主动公开政府信息情况', '全年未发生因政府信息公开引起的\n行政复议、行政诉讼。\n二、主动公开政府信息情况');
    const report = parseReport(variant);
    expect(report.sections.map((s) => s.code)).toEqual(parseReport(S000).sections.map((s) => s.code));
    expect(JSON.stringify(report.sections.find((s) => s.code === '1'))).toContain('行政复议、行政诉讼。');
    expect(report.cells).toEqual(parseReport(S000).cells.map((c) => ({ ...c, line: c.line === null ? null : c.line + 2 })));
  });

  it('fees keep every written digit, grouped thousands included', () => {
    expect(cells(S001).get('t2/fees/amount')).toMatchObject({ value: 1165.5066, raw: '1165.5066', status: 'NUMBER' });
    const variant = replaceOnce(S004, '行政事业性收费\t0', '行政事业性收费\t1,234.50');
    expect(cells(variant).get('t2/fees/amount')).toMatchObject({ value: 1234.5, raw: '1,234.50', status: 'NUMBER' });
  });

  it('label variants: 规范性文件, 其他法律法规禁止公开, spaces inside labels', () => {
    const variant = replaceOnce(
      replaceOnce(S004, '行政规范性文件\t0\t0\t0', '规范性文件\t3\t1\t9'),
      '1. 本机关不掌握相关政府信息',
      '1. 本 机关不掌握 相关政府信息',
    );
    const byAddress = cells(variant);
    expect(byAddress.get('t2/normativeDocuments/inForce')).toMatchObject({ value: 9 });
    expect(byAddress.get('t3/unable.notHeld/total')).toMatchObject({ value: 1 });
    expect(cells(S001).get('t3/denied.prohibitedByLaw/total')).toMatchObject({ value: 0, line: 56 });
  });

  it('"/" is NA and an empty cell is BLANK: neither becomes 0', () => {
    const variant = replaceOnce(replaceOnce(S004, '规章\t0\t0\t0', '规章\t/\t\t0'), '\t\t2. 重复申请\t0\t0\t0', '\t\t2. 重复申请\t—\t0\t0');
    const byAddress = cells(variant);
    expect(byAddress.get('t2/regulations/issued')).toMatchObject({ value: null, status: 'NA', raw: '/' });
    expect(byAddress.get('t2/regulations/repealed')).toMatchObject({ value: null, status: 'BLANK', raw: '' });
    expect(byAddress.get('t3/notProcessed.duplicate/naturalPerson')).toMatchObject({ value: null, status: 'NA', inferred: false });
  });

  it('a t4 line that lost a cell: placed by the row identities, ambiguous positions all marked', () => {
    const zeros = '0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0';
    const unique = cells(replaceOnce(S004, zeros, '0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t1\t0\t0\t0'));
    expect(unique.get('t4/litigationAfterReview/upheld')).toMatchObject({ value: 1, inferred: false });
    expect([...unique.values()].filter((c) => c.inferred).map((c) => [cellAddress(c), c.value, c.rule])).toEqual([
      ['t4/litigationAfterReview/total', 1, 't4.rowTotal/litigationAfterReview'],
    ]);
    // The lost zero could be any cell of the last row: all five are inferred, the other rows are read.
    const ambiguous = cells(replaceOnce(S004, zeros, '0\t0\t0\t0\t0\t1\t0\t0\t0\t1\t0\t0\t0\t0'));
    expect(ambiguous.get('t4/litigationDirect/total')).toMatchObject({ value: 1, inferred: false });
    expect([...ambiguous.values()].filter((c) => c.inferred).map(cellAddress)).toEqual(
      ['upheld', 'corrected', 'other', 'pending', 'total'].map((column) => `t4/litigationAfterReview/${column}`),
    );
  });

  it('titles on one line or two, and a date in Chinese numerals', () => {
    expect(parseReport(S000)).toMatchObject({ agencyName: '驻马店经济开发区招商局', year: 2023 });
    const twoLines = replaceOnce(S000, '驻马店经济开发区招商局 2023 年政府信息公开工作 年度报告', '驻马店经济开发区招商局\n\n二〇二三年度政府信息公开工作年度报告');
    const dated = `${twoLines}\n\n驻马店经济开发区招商局\n二〇二四年一月十五日\n`;
    expect(parseReport(dated)).toMatchObject({ agencyName: '驻马店经济开发区招商局', year: 2023, publishedAt: '2024-01-15' });
  });

  it('generations: G3 tables read; a 2019-format report is G2, read in its layout; free-form text is unrecognised, sections only', () => {
    expect(parseReport(S004).generation).toBe('G3');
    const g2 = S004.replace(/本年制发件数/g, '本年新制作数量').replace(/本年废止件数/g, '本年新公开数量').replace(/现行有效件数/g, '对外公开总数量').replace(/本年处理决定数量/g, '上一年项目数量').replace(/本年收费金额/g, '本年增/减').replace(/申请人无正当理由逾期不补正/g, '其他处理').replace(/危及“三安全一稳定”/g, '危及');
    const asG2 = parseReport(g2);
    expect(asG2.generation).toBe('G2');
    expect(asG2.cells).toHaveLength(templateCells('G2').length);
    const freeForm = '某县档案局2017年政府信息公开工作年度报告\n\n一、总体情况\n\n今年我局做了很多工作。\n\n二、主动公开政府信息情况\n\n共公开信息 12 条。\n';
    expect(parseReport(freeForm)).toMatchObject({
      generation: 'UNRECOGNISED',
      year: 2017,
      cells: [],
      warnings: expect.arrayContaining([{ code: 'TABLES_NOT_READ', message: 'tables are not in a recognised template generation; sections stored' }]),
    });
    expect(parseReport(freeForm).sections.map((s) => s.code)).toEqual(['1', '2']);
  });
});
