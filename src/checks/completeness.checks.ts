import { PARTS } from '../template/parts.template';
import type { Check } from './check.types';
import { numberAt, type ReportFacts } from './report-facts';

const FEE_WORDS = /收费|费用|处理费/;

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
  const charges = ['t2/fees/amount', 't3/other.noFee/total'].filter((a) => (numberAt(facts.cell, a) ?? 0) > 0);
  if (charges.length > 0) {
    const otherText = facts.sections.find((s) => s.code === '6')?.text ?? '';
    const says = FEE_WORDS.test(otherText);
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
