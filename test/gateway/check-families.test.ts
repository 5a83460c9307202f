import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROKEN_VARIANTS } from '../helpers/broken-variants';
import { startTestGateway, type ReportSource, type TestGateway } from '../helpers/gateway';

const agencyOf = (index: number) => `检查族测试机关${index + 1}`;

describe('each check family failing, over HTTP', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    const sources: ReportSource[] = BROKEN_VARIANTS.flatMap((variant, index) => [
      ...(variant.previous ? [{ text: variant.previous, agencyName: agencyOf(index) }] : []),
      { text: variant.text, agencyName: agencyOf(index) },
    ]);
    gateway = await startTestGateway(sources);
  });
  afterAll(() => gateway.stop());

  it.each(BROKEN_VARIANTS.map((variant, index) => ({ ...variant, index })))('$family', async (variant) => {
    const { body } = await gateway.graphql<{ agency: { reports: { failingChecks: number; plausibilityWarnings: number; checks: { id: string; status: string; expected: number | null; actual: number | null }[] }[] } }>(
      'query($name: String) { agency(name: $name) { reports { failingChecks plausibilityWarnings checks { id status expected actual } } } }',
      { name: agencyOf(variant.index) },
    );
    expect(body.errors).toBeUndefined();
    const newest = body.data!.agency.reports[0]!;
    expect(newest.checks.filter((c) => c.status !== 'PASS').map((c) => [c.id, c.status, c.expected, c.actual])).toEqual(variant.fails);
    // Plausibility warnings are not failures of the report's arithmetic: failingChecks leaves them out, plausibilityWarnings counts them.
    const warnings = variant.fails.filter(([id]) => id.startsWith('plausibility.')).length;
    expect(newest.failingChecks).toBe(variant.fails.length - warnings);
    expect(newest.plausibilityWarnings).toBe(warnings);
  });

  it('every broken report, and only those, is listed by hasFailingChecks', async () => {
    const { body } = await gateway.graphql<{ failing: { totalCount: number }; passing: { totalCount: number } }>(
      '{ failing: reports(filter: { hasFailingChecks: true }) { totalCount } passing: reports(filter: { hasFailingChecks: false }) { totalCount } }',
    );
    expect(body.data).toEqual({ failing: { totalCount: BROKEN_VARIANTS.length }, passing: { totalCount: BROKEN_VARIANTS.filter((v) => v.previous).length } });
  });
});
