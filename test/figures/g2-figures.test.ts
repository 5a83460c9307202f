import { describe, expect, it } from 'vitest';
import { computeFigure, figureInputOf } from '../../src/figures/compute-figures';
import { linearFigures } from '../../src/figures/figure-definitions';
import { templateCells, cellAddress } from '../../src/template/tables.template';
import { factsOf } from '../helpers/facts';
import { G2_TEXT, G2_WITH_OTHER } from '../helpers/g2-variants';

describe('figures on a 2019-layout (G2) report, whose （六）其他处理 is the one row t3/other', () => {
  it('otherRate of the fixture: t3/other/total 0 ÷ t3/resultsTotal/total 4 (read off the fixture\'s table by a person)', () => {
    expect(computeFigure('otherRate', figureInputOf(factsOf(G2_TEXT)))).toEqual({ name: 'otherRate', value: 0, numerator: 0, denominator: 4, reason: null });
  });

  it('otherRate with one application handled otherwise: 1 ÷ 5 = 0.2 (hand-computed from the edited cells)', () => {
    const input = figureInputOf(factsOf(G2_WITH_OTHER));
    expect(input.generation).toBe('G2');
    expect(computeFigure('otherRate', input)).toEqual({ name: 'otherRate', value: 0.2, numerator: 1, denominator: 5, reason: null });
    // The other blocks are untouched: 不予处理 0 of 5, 无法提供 1 of 5, 办结率 5 of 5.
    expect(computeFigure('notProcessedRate', input)).toMatchObject({ value: 0, numerator: 0, denominator: 5 });
    expect(computeFigure('unableRate', input)).toMatchObject({ value: 0.2, numerator: 1, denominator: 5 });
    expect(computeFigure('completionRate', input)).toMatchObject({ value: 1, numerator: 5, denominator: 5 });
  });

  it('every figure of each generation reads only cells of that generation\'s template', () => {
    for (const generation of ['G3', 'G2'] as const) {
      const cells = new Set(templateCells(generation).map(cellAddress));
      for (const basis of ['TOTAL', 'DECIDED'] as const) {
        for (const figure of linearFigures(basis, generation)) {
          const read = [...figure.numerator, ...(figure.denominator ?? [])].map((term) => term.address);
          expect(read.filter((address) => !cells.has(address)), `${generation} ${figure.name}`).toEqual([]);
        }
      }
    }
  });
});
