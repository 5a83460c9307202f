import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS } from '../helpers/fixtures';
import { G2_FILE } from '../helpers/g2-variants';
import { startTestGateway, type TestGateway } from '../helpers/gateway';

interface Tables {
  report: { tables: { code: string; rows: { code: string; cells: { column: string; value: number | null }[] }[] }[] };
}

// The template's column order, written out by a person from the national forms.
const T3_COLUMNS = ['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalServices', 'otherOrg', 'total'];
const T4_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'];
const G3_T2 = { regulations: ['issued', 'repealed', 'inForce'], normativeDocuments: ['issued', 'repealed', 'inForce'], licensing: ['decisions'], penalty: ['decisions'], coercion: ['decisions'], fees: ['amount'] };
const ITEMS = ['previousItems', 'change', 'decisions'];
const G2_T2 = {
  regulations: ['madeThisYear', 'publishedThisYear', 'publishedTotal'],
  normativeDocuments: ['madeThisYear', 'publishedThisYear', 'publishedTotal'],
  licensing: ITEMS,
  otherServices: ITEMS,
  penalty: ITEMS,
  coercion: ITEMS,
  fees: ['previousItems', 'change'],
  procurement: ['procurementItems', 'procurementAmount'],
};

describe('a row\'s cells over GraphQL come in the template\'s column order', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway([{ file: join(SEEDS, '001_e6ee48d9f5f3b505.txt') }, { file: G2_FILE }]);
  });
  afterAll(() => gateway?.stop());

  const tables = async (agency: string, year: number) => {
    const { body } = await gateway.graphql<Tables>(`{ report(agencyName: "${agency}", year: ${year}) { tables { code rows { code cells { column value } } } } }`);
    expect(body.errors).toBeUndefined();
    const byCode = new Map(body.data!.report.tables.map((t) => [t.code, new Map(t.rows.map((r) => [r.code, r.cells]))]));
    const columns = (table: string) => Object.fromEntries([...byCode.get(table)!].map(([row, cells]) => [row, cells.map((c) => c.column)]));
    return { byCode, columns };
  };

  it.each([
    ['G3', '驻马店经济开发区管委会', 2021, G3_T2, 25],
    ['G2', '驻马店经济开发区财政局', 2020, G2_T2, 23],
  ] as const)('%s: t2, t3 and t4', async (_generation, agency, year, t2, t3Rows) => {
    const { byCode, columns } = await tables(agency, year);
    expect(columns('t2')).toEqual(t2);
    const t3 = columns('t3');
    expect(Object.keys(t3)).toHaveLength(t3Rows);
    for (const [row, codes] of Object.entries(t3)) expect(codes, row).toEqual(T3_COLUMNS);
    for (const [row, codes] of Object.entries(columns('t4'))) expect(codes, row).toEqual(T4_COLUMNS);
    if (year === 2020) {
      // As printed in the G2 fixture: 一、本年新收 3 1 0 0 0 0 4; 行政许可 12 −1 240; t4 行政复议 1 0 0 0 1.
      expect(byCode.get('t3')!.get('new')!.map((c) => c.value)).toEqual([3, 1, 0, 0, 0, 0, 4]);
      expect(byCode.get('t2')!.get('licensing')!.map((c) => c.value)).toEqual([12, -1, 240]);
      expect(byCode.get('t4')!.get('review')!.map((c) => c.value)).toEqual([1, 0, 0, 0, 1]);
    }
  });
});
