import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReport } from '../../src/ingest/parse-report';
import { cellAddress, templateCells } from '../../src/template/tables.template';
import { FIXTURES } from '../helpers/fixtures';
import { startTestGateway, type TestGateway } from '../helpers/gateway';

const FIXTURE = join(FIXTURES, 'g2', '2020-g2-finance.txt');
const expected = JSON.parse(readFileSync(join(FIXTURES, 'g2', '2020-g2-finance.json'), 'utf8')) as { cells: Record<string, number | string>; figures: Record<string, number> };
const text = readFileSync(FIXTURE, 'utf8');

describe('a 2019-format (G2) report', () => {
  it('is detected as G2 and read with its own t2 and a one-row （六）其他处理, every cell as written', () => {
    const report = parseReport(text);
    expect(report).toMatchObject({ generation: 'G2', agencyName: '驻马店经济开发区财政局', year: 2020, warnings: [] });
    expect(report.cells.map(cellAddress)).toEqual(templateCells('G2').map(cellAddress));
    for (const cell of report.cells) expect(cell.value, cellAddress(cell)).toBe(Number(expected.cells[cellAddress(cell)] ?? 0));
    const at = new Map(report.cells.map((c) => [cellAddress(c), c]));
    // Same meaning, same code: 处理决定数量 is G3's decisions. Other meanings keep G2 codes.
    expect(at.get('t2/licensing/decisions')).toMatchObject({ value: 240, raw: '240' });
    expect(at.get('t2/licensing/change')).toMatchObject({ value: -1, status: 'NUMBER' });
    expect(at.get('t2/procurement/procurementAmount')).toMatchObject({ value: 128.5, raw: '128.5' });
    expect(at.has('t3/other/total')).toBe(true);
    expect(at.has('t3/other.noCorrection/total')).toBe(false);
    expect(at.has('t2/regulations/inForce')).toBe(false);
  });

  it('the layout, not the year, decides the generation', () => {
    const late = parseReport(text.replace('2020 年政府信息公开', '2022 年政府信息公开'));
    expect(late.generation).toBe('G2');
  });

  describe('over GraphQL', () => {
    let gateway: TestGateway;
    beforeAll(async () => {
      gateway = await startTestGateway([{ file: FIXTURE }, { text: text.replace('2020 年政府信息公开', '2022 年政府信息公开'), agencyName: '驻马店经济开发区审计局' }]);
    });
    afterAll(() => gateway.stop());

    it('tables in its own layout; figures and checks that apply to both generations', async () => {
      const { body } = await gateway.graphql<{ report: { generation: string; tables: { code: string; rows: { code: string }[] }[]; figures: Record<string, number>; figure: { numerator: number; denominator: number }; checks: { id: string; status: string }[] } }>(
        `{ report(agencyName: "驻马店经济开发区财政局", year: 2020) { generation tables { code rows { code } }
           figures { applicationsReceived completionRate disclosureRate fullDisclosureRate unableRate reviewCorrectionRate }
           figure(name: REPORT_COMPLETENESS) { numerator denominator } checks { id status } } }`,
      );
      const report = body.data!.report;
      expect(report.generation).toBe('G2');
      expect(report.tables.find((t) => t.code === 't2')!.rows.map((r) => r.code)).toEqual(['regulations', 'normativeDocuments', 'licensing', 'otherServices', 'penalty', 'coercion', 'fees', 'procurement']);
      expect(report.tables.find((t) => t.code === 't3')!.rows.map((r) => r.code)).toContain('other');
      for (const [name, value] of Object.entries(expected.figures)) expect(report.figures[name], name).toBeCloseTo(value, 9);
      expect(report.figure).toEqual({ numerator: 6 + 198, denominator: 6 + 198 });
      // The result sum runs over G2's rows, （六）其他处理 one of them; a negative 本年增/减 is not a bad count.
      expect(report.checks.find((c) => c.id === 't3.resultsSum/total')).toMatchObject({ status: 'PASS' });
      expect(report.checks.filter((c) => c.status !== 'PASS' && c.status !== 'NOT_ASSESSABLE')).toEqual([]);
    });

    it('aggregates count completeness against each generation\'s own cells', async () => {
      const { body } = await gateway.graphql<{ aggregate: { key: { generation: string }; values: { pooled: number; denominator: number }[] }[] }>(
        '{ aggregate(groupBy: [GENERATION], measures: ["reportCompleteness", "t2/procurement/procurementAmount"]) { key { generation } values { pooled denominator sum } } }',
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.aggregate).toEqual([{ key: { generation: 'G2' }, values: [{ pooled: 1, denominator: 2 * (6 + 198), sum: 2 }, { pooled: null, denominator: null, sum: 257 }] }]);
    });

    it('a 2022 report still in the 2019 layout fails the generation check', async () => {
      const { body } = await gateway.graphql<{ report: { checks: { id: string; status: string }[] } }>('{ report(agencyName: "驻马店经济开发区审计局", year: 2022) { checks { id status } } }');
      expect(body.data!.report.checks.filter((c) => c.status === 'FAIL').map((c) => c.id)).toEqual([expect.stringMatching(/^generation/)]);
    });
  });
});
