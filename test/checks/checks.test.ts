import { describe, expect, it } from 'vitest';
import type { Check } from '../../src/checks/check.types';
import { runChecks } from '../../src/checks/run-checks';
import { asG2, BROKEN_VARIANTS, S001, S001_2022, S004 } from '../helpers/broken-variants';
import { factsOf } from '../helpers/facts';
import { SAMPLE_FILES, sampleText } from '../helpers/fixtures';

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

describe('consistency checks, pure', () => {
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

  it.each(BROKEN_VARIANTS)('$family: fails with what was expected and what was found', (variant) => {
    const checks = runChecks(factsOf(variant.text, variant.previous), variant.family !== '9. generation');
    expect(checks.filter((c) => c.status !== 'PASS').map((c) => [c.id, c.status, c.expected, c.actual])).toEqual(variant.fails);
  });

  it('failing checks say what is wrong, with the severity of their family', () => {
    const byFamily = (family: string) => {
      const variant = BROKEN_VARIANTS.find((v) => v.family === family)!;
      return runChecks(factsOf(variant.text, variant.previous), true).filter((c) => c.status === 'FAIL');
    };
    expect(byFamily('1. t3 row total')[0]).toMatchObject({ severity: 'ERROR', cells: expect.arrayContaining(['t3/unable.notHeld/total']), message: expect.stringContaining('parts add up to 1, the table says 3') });
    expect(byFamily('5. non-negative counts')[0]!.message).toBe('t2: not a non-negative count: t2/licensing/decisions = -3');
    expect(byFamily('6. cross-year stock of documents')[0]!.severity).toBe('WARNING');
    expect(byFamily('7. narrative against the tables')[0]).toMatchObject({ cells: ['t3/resultsTotal/total'], message: 'the text says "办结4件", the table says 5' });
    expect(byFamily('8. completeness').map((c) => c.severity)).toEqual(['WARNING', 'WARNING']);
  });

  it('narrative percentages agree to their printed precision', () => {
    const rate = edit(S004, '办结率 100%', '办结率 90%');
    expect(failing(rate)).toEqual([expect.objectContaining({ id: 'narrative/completionRate', expected: 1, actual: 0.9 })]);
    expect(failing(edit(S004, '办结率 100%', '办结率 100.0%'))).toEqual([]);
  });

  it('an empty part 五 is a completeness warning', () => {
    const noProblems = S004.replace(/五、存在的主要问题及改进情况[\s\S]*?六、其他需要报告的事项/, '五、存在的主要问题及改进情况\n\n六、其他需要报告的事项');
    expect(failing(noProblems)).toEqual([expect.objectContaining({ id: 'completeness/problems', severity: 'WARNING', status: 'FAIL' })]);
  });

  it('the generation check names the form it expected', () => {
    expect(runChecks(factsOf(asG2(S004)), false).find((c) => c.id === 'generation')!.message).toBe('a 2023 report should be in G3 form, this one is G2');
  });

  it('a check that reads a cell the parser could not read is NOT_ASSESSABLE, naming it', () => {
    const lost = edit(S004, '(七) 总计\t\t2\t0\t0\t0\t0\t0\t2\t', '(七) 总计\t\t2\t0\t0\t0\t0\t0\t—\t');
    const check = checksOf(lost).find((c) => c.id === 't3.rowTotal/resultsTotal')!;
    expect(check).toMatchObject({ status: 'NOT_ASSESSABLE', expected: null, actual: null });
    expect(check.message).toContain('t3/resultsTotal/total is NA');
  });
});
