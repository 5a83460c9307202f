import { describe, expect, it } from 'vitest';
import { formulaZh, parseWarningZh, reasonZh } from '../../src/documents/api-text-zh';
import { figureFormula } from '../../src/figures/figure-formulas';
import { readRepositoryFile, repositoryFiles } from '../helpers/repository-files';

describe('the API’s sentences in the documents’ Chinese', () => {
  it('reasons of each shape the API gives, and anything else quoted as 接口原文', () => {
    expect(
      [
        'input missing: t3/new/total is BLANK, t3/carriedOver/total is NA',
        'denominator t4/review/total is 0',
        'no report for 2021',
        '2022 value is 0',
        'this year: t3/new/total is MISSING',
        '2022: denominator t3/resultsTotal/total is 0',
        'the agency has no level and no parent agency, which the peer group (reports of the same year and the same level) needs',
        'the peer group (reports of the same year) has 2 reports with a value for completionRate, fewer than the 5 a benchmark needs',
        't3/new/total is BLANK',
        'something new',
      ].map(reasonZh),
    ).toEqual([
      '缺少输入：t3/new/total 为空白，t3/carriedOver/total 为不适用',
      '分母 t4/review/total 为 0',
      '2021 年无报告',
      '2022 年的数值为 0',
      '本年：t3/new/total 为缺失',
      '2022 年：分母 t3/resultsTotal/total 为 0',
      '本单位未登记级别、上级单位，无法确定同类报告',
      '同类报告中 completionRate 有数值的仅 2 份，少于所需的 5 份',
      't3/new/total 为空白',
      '接口原文：something new',
    ]);
  });

  it('formulas keep their addresses and lose their English words', () => {
    expect(formulaZh(figureFormula('reviewCorrectionRate'))).toBe('按全部案件：t4/review/corrected ÷ t4/review/total；按已审结案件：t4/review/corrected ÷ (t4/review/total − t4/review/pending)');
    for (const name of ['reportCompleteness', 'otherRate', 'litigationCorrectionRate'] as const) expect(formulaZh(figureFormula(name))).not.toMatch(/[a-z]{3,} [a-z]{3,}/);
  });

  it('every parse warning code the reader gives has its words', () => {
    const codes = new Set(
      repositoryFiles()
        .filter((file) => file.startsWith('src/ingest/') && file.endsWith('.ts'))
        .flatMap((file) => [...readRepositoryFile(file).matchAll(/code: '([A-Z][A-Z_]+)'/g)].map((m) => m[1]!)),
    );
    expect(codes.size).toBeGreaterThanOrEqual(10);
    expect([...codes].filter((code) => parseWarningZh(code) === code)).toEqual([]);
  });

  it('parse warning codes in words; an unknown code as itself', () => {
    expect([parseWarningZh('SINGLE_ROW_BLOCK'), parseWarningZh('NEW_CODE')]).toEqual(['2021 年版表格将“（六）其他处理”印为一行', 'NEW_CODE']);
  });
});
