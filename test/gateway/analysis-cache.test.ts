import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestReport } from '../../src/ingest/ingest-report';
import { S001 } from '../helpers/broken-variants';
import { startTestGateway, VARIANT_2022, type TestGateway } from '../helpers/gateway';

interface CheckRow {
  id: string;
  status: string;
  expected: number | null;
  actual: number | null;
}

const STOCK = 'crossYear.stock/normativeDocuments';

describe('checks and figures kept between requests', () => {
  let gateway: TestGateway;
  const checksOf2022 = async () => {
    const { body } = await gateway.graphql<{ report: { checks: CheckRow[]; figures: { completionRate: number | null } } }>(
      `{ report(agencyName: "驻马店经济开发区管委会", year: 2022) { checks { id status expected actual } figures { completionRate } } }`,
    );
    return body.data!.report;
  };

  beforeAll(async () => {
    gateway = await startTestGateway([{ text: S001 }, { file: VARIANT_2022 }]);
  });
  afterAll(() => gateway.stop());

  it('follow a changed previous year at once', async () => {
    expect((await checksOf2022()).checks.find((c) => c.id === STOCK)).toEqual({ id: STOCK, status: 'PASS', expected: 60, actual: 60 });
    // The 2021 report is re-ingested with 6 more documents in force: the 2022 report's stock no longer follows.
    const outcome = await ingestReport(gateway.dataSource, { bytes: Buffer.from(S001.replace('行政规范性文件\t2\t66\t61', '行政规范性文件\t2\t66\t67')) });
    expect(outcome.outcome).toBe('replaced');
    expect((await checksOf2022()).checks.find((c) => c.id === STOCK)).toEqual({ id: STOCK, status: 'FAIL', expected: 66, actual: 60 });
  });

  it('answer a repeated request with the same checks and fewer statements', async () => {
    const first = await checksOf2022();
    const before = gateway.counter.count;
    expect(await checksOf2022()).toEqual(first);
    // Only the report and its previous year are read again; their cells and sections are not.
    // The peer plausibility checks depend on other reports: their one statement runs on every request.
    expect(gateway.counter.count - before).toBe(3);
  });
});
