import { describe, expect, it } from 'vitest';
import { CHARGE_CELLS, completenessChecks, mentionsCharges } from '../../src/checks/completeness.checks';
import { GENERATIONS } from '../../src/template/generations.template';
import { cellAddress, templateCells } from '../../src/template/tables.template';
import { S001, S004 } from '../helpers/broken-variants';
import { factsOf } from '../helpers/facts';
import { G2_WITH_OTHER } from '../helpers/g2-variants';

function edit(text: string, from: string, to: string): string {
  expect(text.includes(from), from).toBe(true);
  return text.replace(from, to);
}

const chargesCheck = (text: string) => completenessChecks(factsOf(text)).find((c) => c.id === 'completeness/charges');

/** Sample 001 shows fees (t2/fees/amount 1165.5066); its part 六 says, in two points, that no information fee was charged and who supplied the fee amount. */
const S001_PART_SIX = '1. 2021年度开发区管委会未收取信息处理费。\n2. 开发区管委会2021年行政事业性收费金额为驻马店经济开发区财政局提供。';

describe('completeness/charges: the cells that show charges, by generation, and what part 六 says of them', () => {
  it('reads, for each generation, only cells its template has (G2 has neither a fee amount nor a row for unpaid fees)', () => {
    for (const generation of GENERATIONS) {
      const cells = new Set(templateCells(generation).map(cellAddress));
      expect(CHARGE_CELLS[generation].filter((address) => !cells.has(address)), generation).toEqual([]);
    }
    expect(CHARGE_CELLS.G3).toEqual(['t2/fees/amount', 't3/other.noFee/total']);
  });

  it('a G2 report has no charges check, whatever its （六）其他处理 row holds', () => {
    expect(factsOf(G2_WITH_OTHER).generation).toBe('G2');
    expect(chargesCheck(G2_WITH_OTHER)).toBeUndefined();
  });

  it('fees in the table and a part 六 that only says none were charged: FAIL', () => {
    const denied = edit(S001, S001_PART_SIX, '2021年度开发区管委会未收取信息处理费。');
    expect(chargesCheck(denied)).toMatchObject({ status: 'FAIL', cells: ['t2/fees/amount'], message: 'the tables show charges (t2/fees/amount) but part 六 does not mention them' });
    // As printed, the second point speaks of the fee amount: PASS.
    expect(chargesCheck(S001)).toMatchObject({ status: 'PASS' });
  });

  it('an unpaid-fee row above 0 needs part 六 to speak of the charges', () => {
    // Sample 004 (t2/fees/amount 0) with one application ended for an unpaid fee notice; part 六 says no fee was charged. Only this check is read here.
    const noFee = edit(S004, '2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0', '2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t1\t0\t0\t0\t0\t0\t1');
    expect(chargesCheck(noFee)).toMatchObject({ status: 'FAIL', cells: ['t3/other.noFee/total'] });
    expect(chargesCheck(edit(noFee, '2023年未收取信息公开处理费用。', '2023年收取信息公开处理费用1笔，申请人逾期未缴纳。'))).toMatchObject({ status: 'PASS' });
  });

  it.each([
    ['本年度未收取信息处理费。', false],
    ['2023年未收取信息公开处理费用。', false],
    ['本机关不收取任何费用。', false],
    ['依申请公开工作未收费。', false],
    ['本年度没有收取信息处理费。', false],
    ['无收取信息公开处理费情况。', false],
    ['本年度未向申请人收取费用。', false],
    ['本年度未\n收取信息处理费。', false],
    ['本年度收取信息处理费0.12万元。', true],
    ['收取信息处理费2笔，未收取其他费用。', true],
    ['1件申请因申请人逾期未按收费通知要求缴纳费用而不再处理。', true],
    ['开发区管委会行政事业性收费金额为财政局提供。', true],
    ['本年度无其他需要报告的事项。', false],
  ])('%s → says charges were made: %s', (text, says) => {
    expect(mentionsCharges(text)).toBe(says);
  });
});
