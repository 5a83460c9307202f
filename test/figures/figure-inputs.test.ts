import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportFacts } from '../../src/checks/report-facts';
import { computeFigure, figureInputOf } from '../../src/figures/compute-figures';
import { readSource } from '../../src/ingest/read-source';
import { S004 } from '../helpers/broken-variants';
import { factsOf } from '../helpers/facts';
import { FIXTURES } from '../helpers/fixtures';

function edit(text: string, from: string, to: string): string {
  expect(text.includes(from), from).toBe(true);
  return text.replace(from, to);
}

/**
 * 洪泽区 2024 (test/fixtures/pdf/hongze-2024.pdf), cells as a person read them (expected/hongze-2024.json):
 * t4 review 1 upheld + 1 corrected = 2; litigation direct 1 upheld = 1; after review 2 upheld + 1 other = 3; nothing pending.
 * t3 results 95, of which 不予处理 1 (petition) and （六）其他处理 0 (its one printed row all 0).
 */
describe('figures of 洪泽区 2024, computed by hand from its cells', () => {
  let facts: ReportFacts;
  beforeAll(async () => {
    facts = factsOf((await readSource(readFileSync(join(FIXTURES, 'pdf', 'hongze-2024.pdf')))).text);
  }, 60_000);
  const figure = (name: Parameters<typeof computeFigure>[0], basis: 'TOTAL' | 'DECIDED' = 'TOTAL') => computeFigure(name, figureInputOf(facts), basis);

  it('litigationCorrectionRate counts lawsuits after review too: (0 + 0) ÷ (1 + 3)', () => {
    expect(figure('litigationCorrectionRate')).toMatchObject({ value: 0, numerator: 0, denominator: 4, reason: null });
    expect(figure('litigationCorrectionRate', 'DECIDED')).toMatchObject({ value: 0, numerator: 0, denominator: 4 });
  });

  it('disputeRate: (2 reviews + 1 direct + 3 after review) ÷ 95 = 6/95', () => {
    expect(figure('disputeRate')).toMatchObject({ numerator: 6, denominator: 95, reason: null });
    expect(figure('disputeRate').value).toBeCloseTo(6 / 95, 12);
  });

  it('otherRate reads （六）其他处理 (0 of 95), notProcessedRate 不予处理 (1 of 95)', () => {
    expect(figure('otherRate')).toMatchObject({ value: 0, numerator: 0, denominator: 95 });
    expect(figure('notProcessedRate')).toMatchObject({ numerator: 1, denominator: 95 });
  });
});

describe('litigation figures with a correction after review (sample 004, t4 edited)', () => {
  // t4 row of 15 as printed: review 1 1 0 2 4 | direct 0 1 0 0 1 | after review 0 1 0 1 2 (upheld, corrected, other, pending, total).
  const facts = factsOf(edit(S004, '0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0', '1\t1\t0\t2\t4\t0\t1\t0\t0\t1\t0\t1\t0\t1\t2'));
  const input = figureInputOf(facts);

  it('TOTAL: corrected (1 + 1) ÷ totals (1 + 2) = 2/3; DECIDED: 2 ÷ (3 − 1 pending) = 1', () => {
    expect(computeFigure('litigationCorrectionRate', input)).toMatchObject({ numerator: 2, denominator: 3 });
    expect(computeFigure('litigationCorrectionRate', input).value).toBeCloseTo(2 / 3, 12);
    expect(computeFigure('litigationCorrectionRate', input, 'DECIDED')).toMatchObject({ value: 1, numerator: 2, denominator: 2 });
  });

  it('disputeRate: (4 + 1 + 2) ÷ results 2 = 3.5', () => {
    expect(computeFigure('disputeRate', input)).toMatchObject({ value: 3.5, numerator: 7, denominator: 2 });
  });
});

describe('reportCompleteness counts a BLANK or NA cell as present', () => {
  it('sample 004 with one BLANK and one NA cell still has every part and all 200 cells: 206 ÷ 206', () => {
    // 一、本年新收 prints 2 0 0 0 0 0 2; here 2, nothing, /, 0 0 0 2.
    const text = edit(S004, '一、本年新收政府信息公开申请数量\t\t2\t0\t0\t0\t0\t0\t2\t', '一、本年新收政府信息公开申请数量\t\t2\t\t/\t0\t0\t0\t2\t');
    const facts = factsOf(text);
    expect(facts.cell('t3/new/commercial')?.status).toBe('BLANK');
    expect(facts.cell('t3/new/research')?.status).toBe('NA');
    expect(computeFigure('reportCompleteness', figureInputOf(facts))).toEqual({ name: 'reportCompleteness', value: 1, numerator: 206, denominator: 206, reason: null });
  });

  it('a MISSING cell is absent: the same sample without its t4 row has 6 parts and 185 of 200 cells', () => {
    const facts = factsOf(edit(S004, '0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0', ''));
    expect(facts.cell('t4/review/total')?.status ?? 'MISSING').toBe('MISSING');
    expect(computeFigure('reportCompleteness', figureInputOf(facts))).toMatchObject({ numerator: 6 + 185, denominator: 206 });
  });
});
