import type { DataSource } from 'typeorm';
import { CheckReview } from '../entities/check-review.entity';
import type { ReviewVerdict } from '../entities/history.types';
import { badUserInput } from '../errors/bad-user-input';
import { checksOfStored, recountFailingChecks } from './check-summary.service';
import { bumpDataVersion } from './data-version.service';
import { peerChecksOf } from './plausibility-peer.service';
import { currentOf, requiredReason } from './report-history.service';

export interface ReviewRequest {
  reportId: number;
  checkId: string;
  verdict: ReviewVerdict;
  note: string;
  actor: string;
}

/** Records a reviewer's verdict on a failing check of the report's current version (a plausibility warning included). */
export async function reviewCheck(dataSource: DataSource, request: ReviewRequest): Promise<CheckReview> {
  const note = requiredReason(request.note, 'reviewCheck(note)');
  return dataSource.transaction(async (manager) => {
    const { report, current } = await currentOf(manager, request.reportId, 'reviewCheck(reportId)');
    // The peer plausibility checks too: worked out now, against the peers stored now.
    const checks = [...(await checksOfStored(manager, report)), ...((await peerChecksOf(manager, [report.id])).get(report.id) ?? [])];
    const check = checks.find((c) => c.id === request.checkId);
    if (!check) throw badUserInput(`reviewCheck(checkId): report ${report.id} has no check "${request.checkId}"; its checks are listed by report { checks { id } }`, 'checkId');
    if (check.status !== 'FAIL') throw badUserInput(`reviewCheck(checkId): check "${check.id}" does not fail (${check.status}); only failing checks are reviewed`, 'checkId');
    const review = await manager.save(
      manager.create(CheckReview, {
        agencyId: report.agencyId,
        year: report.year,
        checkId: check.id,
        verdict: request.verdict,
        note,
        expected: check.expected,
        actual: check.actual,
        versionId: current.id,
        reviewedBy: request.actor,
      }),
    );
    await recountFailingChecks(manager, report, 'stored');
    await bumpDataVersion(manager);
    return review;
  });
}
