import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Check } from '../../src/checks/check.types';
import { runChecks } from '../../src/checks/run-checks';
import { factsOf } from '../helpers/facts';
import { FIXTURES, SAMPLE_FILES, sampleText } from '../helpers/fixtures';

const S001 = sampleText('001_e6ee48d9f5f3b505.txt');
const S004 = sampleText('004_bf4f29cfa6729ec5.txt');
const S001_2022 = readFileSync(join(FIXTURES, 'variants', '001-2022-consistent.txt'), 'utf8');

function checksOf(text: string, previousText?: string): Check[] {
  return runChecks(factsOf(text, previousText), true);
}

function failing(text: string, previousText?: string): Check[] {
  return checksOf(text, previousText).filter((c) => c.status !== 'PASS');
}

function edit(text: string, from: string, to: string): string {
  expect(text.includes(from), from).toBe(true);
  return text.replace(from, to);
}

describe('consistency checks (SPEC §2), pure', () => {
  it.each(SAMPLE_FILES)('%s: every check passes', (file) => {
    const checks = checksOf(sampleText(file));
    expect(checks.filter((c) => c.status !== 'PASS')).toEqual([]);
    expect(checks.map((c) => c.rule)).toEqual(expect.arrayContaining(['t3.rowTotal', 't3.balance', 't3.resultsSum', 't4.rowTotal', 'nonNegative', 'completeness', 'generation']));
  });

  it('the consistent 2022 variant passes every check, cross-year ones included', () => {
    const checks = checksOf(S001_2022, S001);
    expect(checks.filter((c) => c.status !== 'PASS')).toEqual([]);
    expect(checks.find((c) => c.id === 'crossYear.carryOver/total')).toMatchObject({ expected: 1, actual: 1, cells: ['2021:t3/carriedForward/total', 't3/carriedOver/total'] });
    expect(checks.find((c) => c.id === 'crossYear.stock/normativeDocuments')).toMatchObject({ expected: 60, actual: 60, severity: 'WARNING' });
  });

  it('1. t3 row total', () => {
    expect(failing(edit(S004, '\t(四) 无法提供\t1. 本机关不掌握相关政府信息\t1\t0\t0\t0\t0\t0\t1', '\t(四) 无法提供\t1. 本机关不掌握相关政府信息\t1\t0\t0\t0\t0\t0\t3'))).toEqual([
      expect.objectContaining({ id: 't3.rowTotal/unable.notHeld', status: 'FAIL', expected: 1, actual: 3, severity: 'ERROR' }),
      expect.objectContaining({ id: 't3.resultsSum/total', status: 'FAIL', expected: 4, actual: 2 }),
    ]);
  });

  it('2. t3 balance: new + carriedOver = resultsTotal + carriedForward', () => {
    const broken = edit(S004, '四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0\t', '四、结转下年度继续办理\t\t1\t0\t0\t0\t0\t0\t1\t');
    expect(failing(broken)).toEqual([
      expect.objectContaining({ id: 't3.balance/naturalPerson', status: 'FAIL', expected: 2, actual: 3 }),
      expect.objectContaining({ id: 't3.balance/total', status: 'FAIL', expected: 2, actual: 3 }),
    ]);
  });

  it('3. t3 results sum per column', () => {
    const broken = edit(S004, '(七) 总计\t\t2\t0\t0\t0\t0\t0\t2\t', '(七) 总计\t\t2\t0\t0\t1\t0\t0\t3\t');
    const fails = failing(broken).map((c) => [c.id, c.expected, c.actual]);
    expect(fails).toEqual([
      ['t3.balance/socialWelfare', 0, 1],
      ['t3.balance/total', 2, 3],
      ['t3.resultsSum/socialWelfare', 0, 1],
      ['t3.resultsSum/total', 2, 3],
      // The text's 办结率 100% no longer agrees either: 3 results for 2 applications.
      ['narrative/completionRate', 1.5, 1],
    ]);
  });

  it('4. t4 row total', () => {
    const broken = edit(S004, '0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0', '1\t0\t0\t0\t2\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0');
    expect(failing(broken)).toEqual([expect.objectContaining({ id: 't4.rowTotal/review', status: 'FAIL', expected: 1, actual: 2, cells: expect.arrayContaining(['t4/review/total']) })]);
  });

  it('5. non-negative integer counts', () => {
    const broken = edit(S004, '行政许可\t0', '行政许可\t-3');
    expect(failing(broken)).toEqual([expect.objectContaining({ id: 'nonNegative/t2', status: 'FAIL', actual: 1, message: 't2: not a non-negative count: t2/licensing/decisions = -3' })]);
  });

  it('6. cross-year: carried over from last year, and the stock of documents (a warning)', () => {
    const broken = edit(
      edit(S001_2022, '一、本年新收政府信息公开申请数量\t\t3\t0\t0\t0\t0\t0\t3\t', '一、本年新收政府信息公开申请数量\t\t2\t0\t0\t0\t0\t0\t2\t'),
      '二、上年结转政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t1\t',
      '二、上年结转政府信息公开申请数量\t\t2\t0\t0\t0\t0\t0\t2\t',
    ).replace('共收到3件', '共收到2件');
    expect(failing(broken, S001).map((c) => [c.id, c.expected, c.actual])).toEqual([
      ['crossYear.carryOver/naturalPerson', 1, 2],
      ['crossYear.carryOver/total', 1, 2],
    ]);
    const stock = edit(S001_2022, '行政规范性文件\t4\t5\t60', '行政规范性文件\t4\t5\t66');
    expect(failing(stock, S001)).toEqual([expect.objectContaining({ id: 'crossYear.stock/normativeDocuments', severity: 'WARNING', expected: 60, actual: 66 })]);
  });

  it('7. narrative against the tables', () => {
    const broken = edit(S001, '办结5件，转下一年度办理1件', '办结4件，转下一年度办理1件');
    expect(failing(broken)).toEqual([
      expect.objectContaining({ id: 'narrative/completed', status: 'FAIL', expected: 5, actual: 4, cells: ['t3/resultsTotal/total'], message: 'the text says "办结4件", the table says 5' }),
    ]);
    const rate = edit(S004, '办结率 100%', '办结率 90%');
    expect(failing(rate)).toEqual([expect.objectContaining({ id: 'narrative/completionRate', expected: 1, actual: 0.9 })]);
    expect(failing(edit(S004, '办结率 100%', '办结率 100.0%'))).toEqual([]);
  });

  it('8. completeness: parts, part 五, charges reported in part 六', () => {
    const noProblems = S004.replace(/五、存在的主要问题及改进情况[\s\S]*?六、其他需要报告的事项/, '五、存在的主要问题及改进情况\n\n六、其他需要报告的事项');
    expect(failing(noProblems)).toEqual([expect.objectContaining({ id: 'completeness/problems', severity: 'WARNING', status: 'FAIL' })]);
    const noPart6 = S001.replace(/六、其他需要报告的事项[\s\S]*$/, '');
    expect(failing(noPart6).map((c) => [c.id, c.expected, c.actual])).toEqual([
      ['completeness/parts', 6, 5],
      ['completeness/charges', null, null],
    ]);
  });

  it('9. generation: a 2021-or-later report in the 2019 form', () => {
    const g2 = S004.replace(/本年制发件数/g, '本年新制作数量').replace(/本年废止件数/g, '本年新公开数量').replace(/现行有效件数/g, '对外公开总数量').replace(/本年处理决定数量/g, '上一年项目数量').replace(/本年收费金额/g, '本年增/减').replace(/申请人无正当理由逾期不补正/g, '其他处理').replace(/危及“三安全一稳定”/g, '危及');
    const checks = runChecks(factsOf(g2), false);
    expect(checks.filter((c) => c.status !== 'PASS')).toEqual([
      expect.objectContaining({ id: 'generation', status: 'FAIL', message: 'a 2023 report should be in G3 form, this one is G2' }),
    ]);
  });

  it('a check that reads a cell the parser could not read is NOT_ASSESSABLE, naming it', () => {
    const lost = edit(S004, '(七) 总计\t\t2\t0\t0\t0\t0\t0\t2\t', '(七) 总计\t\t2\t0\t0\t0\t0\t0\t—\t');
    const check = checksOf(lost).find((c) => c.id === 't3.rowTotal/resultsTotal')!;
    expect(check).toMatchObject({ status: 'NOT_ASSESSABLE', expected: null, actual: null });
    expect(check.message).toContain('t3/resultsTotal/total is NA');
  });
});
