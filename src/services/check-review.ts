import type { EntityManager } from 'typeorm';
import type { Check } from '../checks/check.types';
import { isPlausibilityCheck } from '../checks/plausibility.checks';
import { CheckReview } from '../entities/check-review.entity';

/** A report's reviews, oldest first: the last one for a check is the one that counts. */
export function reviewsOf(manager: EntityManager, agencyId: number, year: number): Promise<CheckReview[]> {
  return manager.find(CheckReview, { where: { agencyId, year }, order: { id: 'ASC' } });
}

/** The latest review of the check, while the check still fails with the figures it was reviewed on. */
export function applicableReview(check: Check, reviews: readonly CheckReview[]): CheckReview | undefined {
  const latest = reviews.findLast((review) => review.checkId === check.id);
  if (!latest || check.status !== 'FAIL') return undefined;
  return latest.expected === check.expected && latest.actual === check.actual ? latest : undefined;
}

/** Like failingChecks, plausibility warnings are left out. */
export function countUnreviewed(checks: readonly Check[], reviews: readonly CheckReview[]): number {
  return checks.filter((check) => check.status === 'FAIL' && !isPlausibilityCheck(check) && !applicableReview(check, reviews)).length;
}
