import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS } from '../helpers/fixtures';
import { SAMPLE_SOURCES, startTestGateway, type TestGateway } from '../helpers/gateway';

const AGENCY = '经济技术开发区管理办公室';
const TEXT = readFileSync(join(SEEDS, '004_bf4f29cfa6729ec5.txt'), 'utf8');
const TRUNCATED = TEXT.split('\n').slice(0, 40).join('\n');
const EDITOR = { authorization: 'Bearer editor-secret-2' };
const ADMIN = { authorization: 'Bearer admin-secret-2' };

interface Checked {
  id: string;
  unreviewedFailures: number;
  version: { id: string; kind: string };
  cell: { value: number | null; corrected: boolean };
  checks: { id: string; expected: number | null; actual: number | null; review: { verdict: string; note: string; reviewedBy: string } | null }[];
}

describe('check reviews, re-ingest over corrections, activation and rollback through the API', () => {
  let gateway: TestGateway;
  let reportId: string;
  const report = async (): Promise<Checked> =>
    (
      await gateway.graphql<{ report: Checked }>(
        `{ report(agencyName: "${AGENCY}", year: 2023) { id unreviewedFailures version { id kind } cell(address: "t3/new/total") { value corrected }
          checks(status: FAIL) { id expected actual review { verdict note reviewedBy } } } }`,
      )
    ).body.data!.report;
  const unreviewedIds = async (has: boolean) =>
    (await gateway.graphql<{ reports: { edges: { node: { id: string } }[] } }>(`{ reports(filter: { hasUnreviewedFailures: ${has} }) { edges { node { id } } } }`)).body.data!.reports.edges.map((e) => e.node.id);
  const review = (checkId: string, verdict: string, note: string) =>
    gateway.graphql<{ reviewCheck: { verdict: string } }>(`mutation($id: ID!, $c: String!, $v: ReviewVerdict!, $n: String!) { reviewCheck(reportId: $id, checkId: $c, verdict: $v, note: $n) { verdict checkId expected actual reviewedBy } }`, { id: reportId, c: checkId, v: verdict, n: note }, EDITOR);
  const ingest = (text: string, makeCurrent = false) =>
    gateway.graphql<{ ingestReport: { outcome: string; reason: string | null; conflicts: unknown[]; version: { id: string; kind: string; current: boolean }; report: { version: { id: string } }; batchId: string } }>(
      `mutation($t: String!, $m: Boolean) { ingestReport(input: { text: $t, makeCurrent: $m }) { outcome reason conflicts { address corrected readBefore readNow reason } version { id kind current } report { version { id } } batchId } }`,
      { t: text, m: makeCurrent },
      ADMIN,
    );

  beforeAll(async () => {
    gateway = await startTestGateway(SAMPLE_SOURCES, { apiKeys: 'rev:editor:editor-secret-2,ops:admin:admin-secret-2' });
    reportId = (await report()).id;
    await gateway.graphql(`mutation { correctCells(reportId: "${reportId}", reason: "filed form says 3", cells: [{ address: "t3/new/total", value: 3 }]) { version { id } } }`, {}, EDITOR);
  });
  afterAll(() => gateway.stop());

  it('a review shows on its check and takes the report out of hasUnreviewedFailures; it survives a re-ingest of the same figures', async () => {
    const failing = await report();
    expect(failing.checks.map((c) => c.id)).toEqual(['t3.rowTotal/new', 't3.balance/total', 'narrative/applicationsReceived', 'narrative/completionRate']);
    expect(failing.unreviewedFailures).toBe(4);
    expect(await unreviewedIds(true)).toContain(reportId);

    const first = await review('t3.rowTotal/new', 'CONFIRMED_ERROR', 'the columns were not updated with the total');
    expect(first.body.data!.reviewCheck).toEqual({ verdict: 'CONFIRMED_ERROR', checkId: 't3.rowTotal/new', expected: 2, actual: 3, reviewedBy: 'rev' });
    for (const id of ['t3.balance/total', 'narrative/applicationsReceived', 'narrative/completionRate']) await review(id, 'EXPLAINED', 'follows from the corrected total');
    const reviewed = await report();
    expect(reviewed.checks.map((c) => c.review?.verdict)).toEqual(['CONFIRMED_ERROR', 'EXPLAINED', 'EXPLAINED', 'EXPLAINED']);
    expect(reviewed.checks[0]!.review).toEqual({ verdict: 'CONFIRMED_ERROR', note: 'the columns were not updated with the total', reviewedBy: 'rev' });
    expect(reviewed.unreviewedFailures).toBe(0);
    expect(await unreviewedIds(true)).not.toContain(reportId);
    expect(await unreviewedIds(false)).toContain(reportId);

    // The same figures in a file read again (a trailing note added): a new version, the correction carried, the reviews still apply.
    const again = await ingest(`${TEXT}\n（本报告数据截至2023年12月31日）\n`);
    expect(again.body.data!.ingestReport).toMatchObject({ outcome: 'REPLACED', reason: null, conflicts: [], version: { kind: 'REPARSED', current: true } });
    const after = await report();
    expect(after.version.id).toBe(again.body.data!.ingestReport.version.id);
    expect(after.cell).toEqual({ value: 3, corrected: true });
    expect(after.checks.map((c) => c.review?.verdict)).toEqual(['CONFIRMED_ERROR', 'EXPLAINED', 'EXPLAINED', 'EXPLAINED']);
    expect(after.unreviewedFailures).toBe(0);

    // Other figures (the total corrected to 4): the reviews were of 3, so none applies; back at 3 they do again.
    const correct = (value: number) => gateway.graphql(`mutation { correctCells(reportId: "${reportId}", reason: "filed form says 3", cells: [{ address: "t3/new/total", value: ${value} }]) { version { id } } }`, {}, EDITOR);
    await correct(4);
    const other = await report();
    expect(other.checks.map((c) => [c.id, c.actual, c.review])).toEqual([
      ['t3.rowTotal/new', 4, null],
      ['t3.balance/total', 2, null],
      ['narrative/applicationsReceived', 2, null],
      ['narrative/completionRate', 1, null],
    ]);
    expect(other.unreviewedFailures).toBe(4);
    await correct(3);
    expect((await report()).unreviewedFailures).toBe(0);
  });

  it('a review is refused for a check that passes or does not exist, or without a note', async () => {
    const refusals = [await review('t3.rowTotal/granted', 'FALSE_ALARM', 'n'), await review('t9.nothing', 'FALSE_ALARM', 'n'), await review('t3.rowTotal/new', 'FALSE_ALARM', ' ')];
    expect(refusals.map((r) => r.body.errors?.[0]?.message)).toEqual([
      'reviewCheck(checkId): check "t3.rowTotal/granted" does not fail (PASS); only failing checks are reviewed',
      `reviewCheck(checkId): report ${reportId} has no check "t9.nothing"; its checks are listed by report { checks { id } }`,
      'reviewCheck(note): must not be empty; it is kept with the change',
    ]);
  });

  it('a shorter reading is kept unless makeCurrent; a correction it reads differently is a conflict', async () => {
    const before = await report();
    const kept = await ingest(TRUNCATED);
    expect(kept.body.data!.ingestReport).toMatchObject({
      outcome: 'KEPT',
      reason: 'new reading has 6 of 200 cells (current 200), 2 of 6 parts (current 6)',
      version: { kind: 'REPARSED', current: false },
      report: { version: { id: before.version.id } },
    });
    expect(await report()).toEqual(before);

    const forced = await ingest(TRUNCATED, true);
    expect(forced.body.data!.ingestReport).toMatchObject({
      outcome: 'REPLACED',
      conflicts: [{ address: 't3/new/total', corrected: 3, readBefore: 2, readNow: null, reason: 'filed form says 3' }],
      version: { current: true },
    });
    const truncated = await report();
    expect(truncated.cell).toEqual({ value: null, corrected: false });
    // The checks now fail on other figures: the reviews of the old ones do not apply.
    expect(truncated.checks.every((c) => c.review === null)).toBe(true);
  });

  it('activateVersion makes an earlier version current, recorded as a batch; rolling that back restores the one before', async () => {
    const current = await report();
    const { body } = await gateway.graphql<{ report: { versions: { id: string; kind: string; current: boolean }[] } }>(`{ report(id: "${reportId}") { versions { id kind current } } }`);
    const versions = body.data!.report.versions;
    expect(versions.map((v) => v.kind)).toEqual(['REPARSED', 'REPARSED', 'CORRECTED', 'CORRECTED', 'REPARSED', 'CORRECTED', 'PARSED']);
    expect(versions.filter((v) => v.current).map((v) => v.id)).toEqual([current.version.id]);
    const corrected = versions.find((v) => v.kind === 'CORRECTED')!;

    const activated = await gateway.graphql(`mutation { activateVersion(reportId: "${reportId}", versionId: "${corrected.id}", reason: "the truncated file was a mistake") { id } }`, {}, ADMIN);
    expect(activated.body.errors).toBeUndefined();
    const restored = await report();
    expect([restored.version.id, restored.cell, restored.unreviewedFailures]).toEqual([corrected.id, { value: 3, corrected: true }, 0]);

    const batches = await gateway.graphql<{ batches: { id: string; kind: string; actor: string; reason: string; counts: { activated: number }; items: unknown[] }[] }>(
      `{ batches(first: 1) { id kind actor reason counts { activated } items { outcome versionId previousVersionId year agency { name } } } }`,
    );
    const batch = batches.body.data!.batches[0]!;
    expect(batch).toEqual({ id: expect.any(String), kind: 'ACTIVATE', actor: 'ops', reason: 'the truncated file was a mistake', counts: { activated: 1 }, items: [{ outcome: 'ACTIVATED', versionId: corrected.id, previousVersionId: current.version.id, year: 2023, agency: { name: AGENCY } }] });

    const again = await gateway.graphql(`mutation { activateVersion(reportId: "${reportId}", versionId: "${corrected.id}", reason: "again") { id } }`, {}, ADMIN);
    expect(again.body.errors?.[0]?.message).toBe(`activateVersion(versionId): version ${corrected.id} is already current`);
    const foreign = await gateway.graphql(`mutation { activateVersion(reportId: "${reportId}", versionId: "1", reason: "x") { id } }`, {}, ADMIN);
    expect(foreign.body.errors?.[0]?.message).toBe(`activateVersion(versionId): report ${reportId} has no version 1`);

    const rolled = await gateway.graphql<{ rollbackBatch: { rolledBackBy: string } }>(`mutation { rollbackBatch(id: "${batch.id}") { rolledBackBy } }`, {}, ADMIN);
    expect(rolled.body.data!.rollbackBatch.rolledBackBy).toBe('ops');
    expect((await report()).version.id).toBe(current.version.id);
    const twice = await gateway.graphql(`mutation { rollbackBatch(id: "${batch.id}") { id } }`, {}, ADMIN);
    expect(twice.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(new RegExp(`^rollbackBatch\\(id\\): batch ${batch.id} was rolled back at .* by ops$`)) });
  });

  it('rolling back a batch that stored a new report removes the report; its version stays readable', async () => {
    const exportNow = async () => (await gateway.graphql(`{ reports(first: 100) { totalCount edges { node { id version { id } cells { address value } } } } }`)).body;
    const before = await exportNow();
    const { body } = await gateway.graphql<{ ingestReport: { batchId: string; version: { id: string }; report: { id: string } } }>(
      `mutation($t: String!) { ingestReport(input: { text: $t, agencyName: "新设测试局" }) { batchId version { id } report { id } } }`,
      { t: TEXT },
      ADMIN,
    );
    const stored = body.data!.ingestReport;
    expect((await exportNow()) as unknown).not.toEqual(before);
    // Corrected after the batch: rolling the batch back would lose the correction, so it is refused.
    await gateway.graphql(`mutation { correctCells(reportId: "${stored.report.id}", reason: "r", cells: [{ address: "t3/new/total", value: 7 }]) { version { id } } }`, {}, EDITOR);
    const refused = await gateway.graphql(`mutation { rollbackBatch(id: "${stored.batchId}") { id } }`, {}, ADMIN);
    expect(refused.body.errors?.[0]?.message).toBe(
      `rollbackBatch(id): 1 report(s) changed after batch ${stored.batchId}, and rolling it back would discard that (report ${stored.report.id} is at version ${Number(stored.version.id) + 1}, the batch left version ${stored.version.id}); undo the later changes first, or use activateVersion`,
    );
    await gateway.graphql(`mutation { activateVersion(reportId: "${stored.report.id}", versionId: "${stored.version.id}", reason: "correction withdrawn") { id } }`, {}, ADMIN);
    const rolled = await gateway.graphql(`mutation { rollbackBatch(id: "${stored.batchId}") { id } }`, {}, ADMIN);
    expect(rolled.body.errors).toBeUndefined();
    expect(await exportNow()).toEqual(before);
    expect((await gateway.graphql(`{ report(agencyName: "新设测试局", year: 2023) { id } }`)).body).toEqual({ data: { report: null } });
    const kept = await gateway.graphql<{ reportVersion: { kind: string; current: boolean; cells: unknown[] } }>(`{ reportVersion(id: "${stored.version.id}") { kind current cells(table: "t3") { address } } }`);
    expect(kept.body.data!.reportVersion).toMatchObject({ kind: 'PARSED', current: false });
    expect(kept.body.data!.reportVersion.cells).toHaveLength(175);
  });
});
