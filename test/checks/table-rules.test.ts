import { describe, expect, it } from 'vitest';
import type { Check } from '../../src/checks/check.types';
import { runChecks } from '../../src/checks/run-checks';
import { S004 } from '../helpers/broken-variants';
import { factsOf } from '../helpers/facts';

function edit(text: string, from: string, to: string): string {
  expect(text.includes(from), from).toBe(true);
  return text.replace(from, to);
}

const checksOf = (text: string): Check[] => runChecks(factsOf(text), true);

describe('table rules that every sample passes, so only an edited sample shows them at work', () => {
  it('nonNegative: 2.5 in a counting cell is not a count; a decimal fee amount is', () => {
    // Sample 004 prints 行政许可 0 and 行政事业性收费 0; here 2.5 decisions and a fee of 0.25 万元.
    const text = edit(edit(S004, '行政许可\t0\t\t', '行政许可\t2.5\t\t'), '行政事业性收费\t0\t\t', '行政事业性收费\t0.25\t\t');
    const facts = factsOf(text);
    expect(facts.cell('t2/licensing/decisions')).toMatchObject({ value: 2.5, status: 'NUMBER' });
    expect(facts.cell('t2/fees/amount')).toMatchObject({ value: 0.25, status: 'NUMBER' });
    const t2 = checksOf(text).find((c) => c.id === 'nonNegative/t2')!;
    expect(t2).toMatchObject({ status: 'FAIL', expected: 0, actual: 1, message: 't2: not a non-negative count: t2/licensing/decisions = 2.5' });
  });

  it('t3.resultsSum counts 无正当理由大量反复申请 (t3/notProcessed.excessive)', () => {
    // Sample 004 with one more application from a natural person, not processed as excessive:
    // new 2 → 3, excessive 0 → 1, (七) 总计 2 → 3, in the natural-person and total columns.
    const text = [
      ['一、本年新收政府信息公开申请数量\t\t2\t0\t0\t0\t0\t0\t2\t', '一、本年新收政府信息公开申请数量\t\t3\t0\t0\t0\t0\t0\t3\t'],
      ['4. 无正当理由大量反复申请\t0\t0\t0\t0\t0\t0\t0', '4. 无正当理由大量反复申请\t1\t0\t0\t0\t0\t0\t1'],
      ['(七) 总计\t\t2\t0\t0\t0\t0\t0\t2\t', '(七) 总计\t\t3\t0\t0\t0\t0\t0\t3\t'],
    ].reduce((t, [from, to]) => edit(t, from!, to!), S004);
    expect(factsOf(text).cell('t3/notProcessed.excessive/total')).toMatchObject({ value: 1, status: 'NUMBER' });
    const checks = checksOf(text);
    // granted 1 + unable.notHeld 1 + excessive 1 = 3, as (七) 总计 prints (sample 004's results: one granted, one not held).
    expect(checks.find((c) => c.id === 't3.resultsSum/total')).toMatchObject({ status: 'PASS', expected: 3, actual: 3, cells: expect.arrayContaining(['t3/notProcessed.excessive/total']) });
    expect(checks.find((c) => c.id === 't3.resultsSum/naturalPerson')).toMatchObject({ status: 'PASS', expected: 3, actual: 3 });
    expect(checks.filter((c) => c.rule.startsWith('t3.') && c.status !== 'PASS')).toEqual([]);
  });
});
