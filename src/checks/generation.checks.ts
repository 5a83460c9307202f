import { GENERATION_FIRST_YEAR } from '../template/generations.template';
import type { Check } from './check.types';
import type { ReportFacts } from './report-facts';

/** Check 9: a report for 2021 or later is in the 2021 (G3) template; one from 2019 on is in some recognised template. */
export function generationCheck(facts: ReportFacts): Check {
  const expected = facts.year >= GENERATION_FIRST_YEAR.G3 ? 'G3' : facts.year >= GENERATION_FIRST_YEAR.G2 ? 'G2 or G3' : null;
  const pass = expected === null || expected.includes(facts.generation);
  return {
    id: 'generation',
    rule: 'generation',
    status: pass ? 'PASS' : 'FAIL',
    severity: 'WARNING',
    expected: null,
    actual: null,
    cells: [],
    message: pass
      ? `${facts.year} report in ${facts.generation} form`
      : `a ${facts.year} report should be in ${expected} form, this one is ${facts.generation === 'UNRECOGNISED' ? 'in no recognised template' : facts.generation}`,
  };
}
