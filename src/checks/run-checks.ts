import type { Check } from './check.types';
import { completenessChecks } from './completeness.checks';
import { crossYearChecks } from './cross-year.checks';
import { generationCheck } from './generation.checks';
import { narrativeChecks } from './narrative.checks';
import { isPlausibilityCheck, jumpChecks, rateChecks } from './plausibility.checks';
import type { ReportFacts } from './report-facts';
import { identityChecks, nonNegativeChecks } from './table.checks';

/** Every consistency check that applies to the report (table checks only when its tables were read); see docs/checks.md. */
export function runChecks(facts: ReportFacts, hasTables: boolean): Check[] {
  const tableChecks = hasTables ? [...identityChecks(facts.cell, facts.generation), ...nonNegativeChecks(facts.cell, facts.generation), ...crossYearChecks(facts), ...narrativeChecks(facts), ...jumpChecks(facts), ...rateChecks(facts)] : [];
  return [...tableChecks, ...completenessChecks(facts), generationCheck(facts)];
}

/** Failing checks, plausibility warnings left out: they are signals for a person, not errors in the report's arithmetic (docs/checks.md). */
export function countFailing(checks: readonly Check[]): number {
  return checks.filter((c) => c.status === 'FAIL' && !isPlausibilityCheck(c)).length;
}

/** Failing plausibility checks: what Report.plausibilityWarnings counts. */
export function countWarnings(checks: readonly Check[]): number {
  return checks.filter((c) => c.status === 'FAIL' && isPlausibilityCheck(c)).length;
}
