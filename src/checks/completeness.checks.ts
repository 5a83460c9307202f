import { CHARGE_MENTION } from '../template/narrative.template';
import { PARTS } from '../template/parts.template';
import type { Generation } from '../template/template.types';
import type { Check } from './check.types';
import { numberAt, type ReportFacts } from './report-facts';

/** The cells that show charges, by generation: the 2019 layout prints no fee amount and no row for unpaid fees. */
export const CHARGE_CELLS: Record<Generation, readonly string[]> = {
  G3: ['t2/fees/amount', 't3/other.noFee/total'],
  G2: [],
  UNRECOGNISED: [],
};

/** Check 8: all six parts present, part 五 not empty, and charges reported in part 六 when the tables show any. */
export function completenessChecks(facts: ReportFacts): Check[] {
  const partCodes = PARTS.map((p) => p.code);
  const present = partCodes.filter((code) => facts.sections.some((s) => s.code === code));
  const missing = PARTS.filter((p) => !present.includes(p.code)).map((p) => p.title);
  const problemsText = facts.sections.find((s) => s.code === '5')?.text.trim() ?? '';
  const checks: Check[] = [
    {
      id: 'completeness/parts',
      rule: 'completeness',
      status: missing.length === 0 ? 'PASS' : 'FAIL',
      severity: 'WARNING',
      expected: PARTS.length,
      actual: present.length,
      cells: [],
      message: missing.length === 0 ? 'all six parts present' : `parts not found: ${missing.join(', ')}`,
    },
    {
      id: 'completeness/problems',
      rule: 'completeness',
      status: problemsText !== '' ? 'PASS' : 'FAIL',
      severity: 'WARNING',
      expected: null,
      actual: problemsText.length,
      cells: [],
      message: problemsText !== '' ? 'part 五 describes problems and improvements' : 'part 五 (存在的主要问题及改进情况) is empty or missing',
    },
  ];
  const charges = CHARGE_CELLS[facts.generation].filter((a) => (numberAt(facts.cell, a) ?? 0) > 0);
  if (charges.length > 0) {
    const says = mentionsCharges(facts.sections.find((s) => s.code === '6')?.text ?? '');
    checks.push({
      id: 'completeness/charges',
      rule: 'completeness',
      status: says ? 'PASS' : 'FAIL',
      severity: 'WARNING',
      expected: null,
      actual: null,
      cells: charges,
      message: says ? 'part 六 reports the charges the tables show' : `the tables show charges (${charges.join(', ')}) but part 六 does not mention them`,
    });
  }
  return checks;
}

/** Whether the text says charges were made: some clause mentions them without denying them (未收取…费用 says none were). */
export function mentionsCharges(text: string): boolean {
  return text
    .normalize('NFKC')
    // A PDF wraps a sentence wherever the line ends.
    .replace(/[\s\u3000]+/g, '')
    .split(CHARGE_MENTION.clauseBreak)
    .some((clause) => CHARGE_MENTION.words.test(clause) && !CHARGE_MENTION.denied.test(clause));
}
