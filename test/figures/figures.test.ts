import { describe, expect, it } from 'vitest';
import { computeFigure, computeFigures, figureInputOf } from '../../src/figures/compute-figures';
import { measureValue, parseMeasure } from '../../src/figures/measure';
import { yearOverYear } from '../../src/figures/year-over-year';
import { factsOf } from '../helpers/facts';
import { expectation, SAMPLE_FILES, sampleText } from '../helpers/fixtures';

function figuresOf(file: string) {
  const facts = factsOf(sampleText(file));
  return computeFigures(figureInputOf(facts));
}

describe('derived figures, pure', () => {
  it.each(SAMPLE_FILES)('%s: as a person computed them, to 4 decimals', (file) => {
    const expected = expectation(file) as unknown as { figures: Record<string, number | null> };
    const figures = new Map(figuresOf(file).map((f) => [f.name, f]));
    for (const [name, value] of Object.entries(expected.figures)) {
      const figure = figures.get(name as never)!;
      if (value === null) {
        expect(figure.value, name).toBeNull();
        expect(figure.reason, name).toMatch(/denominator .* is 0/);
      } else {
        expect(figure.value, name).toBeCloseTo(value, 4);
      }
    }
  });

  it('gives numerator, denominator and a reason instead of a fake 0%', () => {
    const facts = factsOf(sampleText('000_cee05e4b3f1c7bfd.txt'));
    expect(computeFigure('completionRate', { cell: facts.cell, partCodes: [], generation: 'G3' })).toEqual({
      name: 'completionRate',
      value: null,
      numerator: 0,
      denominator: 0,
      reason: 'denominator t3/new/total + t3/carriedOver/total is 0',
    });
  });

  it('names a missing input rather than counting it as 0', () => {
    const text = sampleText('004_bf4f29cfa6729ec5.txt').replace('(七) 总计\t\t2\t0\t0\t0\t0\t0\t2\t', '(七) 总计\t\t2\t0\t0\t0\t0\t0\t/\t');
    const facts = factsOf(text);
    expect(computeFigure('disclosureRate', { cell: facts.cell, partCodes: [], generation: 'G3' })).toMatchObject({ value: null, reason: 'input missing: t3/resultsTotal/total is NA' });
  });

  it('organizationShare, the DECIDED basis of correction rates, and disputeRate', () => {
    const text = sampleText('004_bf4f29cfa6729ec5.txt')
      .replace('一、本年新收政府信息公开申请数量\t\t2\t0\t0\t0\t0\t0\t2\t', '一、本年新收政府信息公开申请数量\t\t2\t1\t0\t0\t0\t1\t4\t')
      .replace('0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0', '1\t1\t0\t2\t4\t0\t1\t0\t0\t1\t0\t0\t0\t0\t0');
    const facts = factsOf(text);
    const input = figureInputOf(facts);
    expect(computeFigure('organizationShare', input)).toMatchObject({ value: 0.5, numerator: 2, denominator: 4 });
    expect(computeFigure('reviewCorrectionRate', input)).toMatchObject({ value: 0.25, numerator: 1, denominator: 4 });
    expect(computeFigure('reviewCorrectionRate', input, 'DECIDED')).toMatchObject({ value: 0.5, numerator: 1, denominator: 2 });
    expect(computeFigure('litigationCorrectionRate', input)).toMatchObject({ value: 1, numerator: 1, denominator: 1 });
    expect(computeFigure('disputeRate', input)).toMatchObject({ value: 2.5, numerator: 5, denominator: 2 });
  });

  it('year over year of a cell and of a figure, with reasons', () => {
    const current = factsOf(sampleText('000_cee05e4b3f1c7bfd.txt'));
    const measure = parseMeasure('t3/new/total')!;
    expect(yearOverYear({ value: 3, reason: null }, { value: 6, reason: null }, 2021)).toEqual({ current: 3, previous: 6, absolute: -3, relative: -0.5, reason: null });
    expect(yearOverYear({ value: 3, reason: null }, { value: 0, reason: null }, 2021)).toMatchObject({ absolute: 3, relative: null, reason: '2021 value is 0' });
    expect(yearOverYear(measureValue(measure, current), undefined, 2022)).toMatchObject({ current: 0, previous: null, reason: 'no report for 2022' });
    expect(yearOverYear(measureValue(parseMeasure('completionRate')!, current), { value: 0.5, reason: null }, 2022)).toMatchObject({
      current: null,
      reason: 'this year: denominator t3/new/total + t3/carriedOver/total is 0',
    });
    expect(parseMeasure('t3/new/everything')).toBeUndefined();
  });
});
