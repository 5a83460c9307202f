import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS } from '../helpers/fixtures';
import { G2_FILE, G2_WITH_OTHER } from '../helpers/g2-variants';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { DATABASE_KINDS } from '../helpers/test-databases';

interface Value {
  measure: string;
  count: number;
  sum: number | null;
  mean: number | null;
  min: number | null;
  max: number | null;
  pooled: number | null;
  numerator: number | null;
  denominator: number | null;
  yearOverYear: { previous: number | null; current: number | null; absolute: number | null; relative: number | null } | null;
}

const VALUE_FIELDS = 'measure count sum mean min max pooled numerator denominator yearOverYear { previous current absolute relative }';

/**
 * Two 2020 reports in the 2019 layout and one 2021 report in the 2021 layout. Read off their tables by a person:
 * - G2 fixture (财政局 2020): new 4, t3/other 0, results 4;
 * - G2 with one application handled otherwise (审计局 2020): new 5, t3/other 1, results 5;
 * - sample 001 (管委会 2021, G3): new 6, the three t3/other.* rows 0, results 5.
 */
describe.each(DATABASE_KINDS)('aggregates over both generations (%s)', (kind) => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway([{ file: G2_FILE }, { text: G2_WITH_OTHER, agencyName: '驻马店经济开发区审计局' }, { file: join(SEEDS, '001_e6ee48d9f5f3b505.txt') }], { kind });
  });
  afterAll(() => gateway?.stop());

  const aggregate = async (groupBy: string, measures: string[]) => {
    const { body } = await gateway.graphql<{ aggregate: { key: { year: number | null; generation: string | null }; count: number; values: Value[] }[] }>(
      `query($m: [Measure!]!) { aggregate(groupBy: ${groupBy}, measures: $m) { key { year generation } count values { ${VALUE_FIELDS} } } }`,
      { m: measures },
    );
    expect(body.errors).toBeUndefined();
    return body.data!.aggregate;
  };

  it('otherRate counts G2 reports through their one （六）其他处理 row', async () => {
    const groups = await aggregate('[GENERATION]', ['otherRate']);
    const of = (generation: string) => groups.find((g) => g.key.generation === generation)!.values[0]!;
    // G2: rates 0/4 and 1/5; sum 0.2, mean 0.1, pooled (0 + 1) ÷ (4 + 5) = 1/9.
    expect(of('G2')).toMatchObject({ count: 2, min: 0, max: 0.2, numerator: 1, denominator: 9 });
    expect(of('G2').sum).toBeCloseTo(0.2, 12);
    expect(of('G2').mean).toBeCloseTo(0.1, 12);
    expect(of('G2').pooled).toBeCloseTo(1 / 9, 12);
    // G3: 0 of 5, from the three rows of the block.
    expect(of('G3')).toMatchObject({ count: 1, sum: 0, pooled: 0, numerator: 0, denominator: 5 });
  });

  it('a YEAR group\'s year over year divides the change by the previous year\'s value', async () => {
    const groups = await aggregate('[YEAR]', ['t3/new/total', 'otherRate']);
    const year2021 = groups.find((g) => g.key.year === 2021)!;
    // t3/new/total: 2020 sums 4 + 5 = 9, 2021 has 6; change −3, relative −3 ÷ 9 (not −3 ÷ 6).
    expect(year2021.values[0]!.yearOverYear).toMatchObject({ previous: 9, current: 6, absolute: -3 });
    expect(year2021.values[0]!.yearOverYear!.relative).toBeCloseTo(-1 / 3, 12);
    // otherRate pooled: 2020 1/9, 2021 0/5 = 0; change −1/9, relative (−1/9) ÷ (1/9) = −1.
    expect(year2021.values[1]!.yearOverYear!.previous).toBeCloseTo(1 / 9, 12);
    expect(year2021.values[1]!.yearOverYear!.relative).toBeCloseTo(-1, 12);
  });
});
