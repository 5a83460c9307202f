import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, sampleText } from './fixtures';

export const S001 = sampleText('001_e6ee48d9f5f3b505.txt');
export const S004 = sampleText('004_bf4f29cfa6729ec5.txt');
export const S001_2022 = readFileSync(join(FIXTURES, 'variants', '001-2022-consistent.txt'), 'utf8');

function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`variant source lacks ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

/** A 2019-format (G2) copy of a 2023 report: its G3 signature strings replaced by G2 ones. */
export function asG2(text: string): string {
  return text
    .replace(/本年制发件数/g, '本年新制作数量')
    .replace(/本年废止件数/g, '本年新公开数量')
    .replace(/现行有效件数/g, '对外公开总数量')
    .replace(/本年处理决定数量/g, '上一年项目数量')
    .replace(/本年收费金额/g, '本年增/减')
    .replace(/申请人无正当理由逾期不补正/g, '其他处理')
    .replace(/危及“三安全一稳定”/g, '危及');
}

export interface BrokenVariant {
  family: string;
  text: string;
  /** The same agency's report for the year before, for cross-year checks. */
  previous?: string;
  /** Every check that does not pass: [id, status, expected, actual], in check order (plausibility warnings included). */
  fails: [string, string, number | null, number | null][];
}

/** One sample variant broken on purpose per check family (docs/checks.md), with what a person expects the checks to say. */
export const BROKEN_VARIANTS: BrokenVariant[] = [
  {
    family: '1. t3 row total',
    text: edit(S004, '\t(四) 无法提供\t1. 本机关不掌握相关政府信息\t1\t0\t0\t0\t0\t0\t1', '\t(四) 无法提供\t1. 本机关不掌握相关政府信息\t1\t0\t0\t0\t0\t0\t3'),
    fails: [
      ['t3.rowTotal/unable.notHeld', 'FAIL', 1, 3],
      ['t3.resultsSum/total', 'FAIL', 4, 2],
      // A plausibility warning, not counted in failingChecks: 3 not held out of 2 decided.
      ['plausibility.rate/unableRate', 'FAIL', null, 1.5],
    ],
  },
  {
    family: '2. t3 balance',
    text: edit(S004, '四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0\t', '四、结转下年度继续办理\t\t1\t0\t0\t0\t0\t0\t1\t'),
    fails: [
      ['t3.balance/naturalPerson', 'FAIL', 2, 3],
      ['t3.balance/total', 'FAIL', 2, 3],
    ],
  },
  {
    family: '3. t3 results sum',
    text: edit(S004, '(七) 总计\t\t2\t0\t0\t0\t0\t0\t2\t', '(七) 总计\t\t2\t0\t0\t1\t0\t0\t3\t'),
    fails: [
      ['t3.balance/socialWelfare', 'FAIL', 0, 1],
      ['t3.balance/total', 'FAIL', 2, 3],
      ['t3.resultsSum/socialWelfare', 'FAIL', 0, 1],
      ['t3.resultsSum/total', 'FAIL', 2, 3],
      // The text's 办结率 100% no longer agrees either: 3 results for 2 applications.
      ['narrative/completionRate', 'FAIL', 1.5, 1],
      // A plausibility warning, not counted in failingChecks: 3 decided of 2 to handle.
      ['plausibility.rate/completionRate', 'FAIL', null, 1.5],
    ],
  },
  {
    family: '4. t4 row total',
    text: edit(S004, '0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0', '1\t0\t0\t0\t2\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0'),
    fails: [['t4.rowTotal/review', 'FAIL', 1, 2]],
  },
  {
    family: '5. non-negative counts',
    text: edit(S004, '行政许可\t0', '行政许可\t-3'),
    fails: [['nonNegative/t2', 'FAIL', 0, 1]],
  },
  {
    family: '6. cross-year carry-over',
    previous: S001,
    text: edit(
      edit(S001_2022, '一、本年新收政府信息公开申请数量\t\t3\t0\t0\t0\t0\t0\t3\t', '一、本年新收政府信息公开申请数量\t\t2\t0\t0\t0\t0\t0\t2\t'),
      '二、上年结转政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t1\t',
      '二、上年结转政府信息公开申请数量\t\t2\t0\t0\t0\t0\t0\t2\t',
    ).replace('共收到3件', '共收到2件'),
    fails: [
      ['crossYear.carryOver/naturalPerson', 'FAIL', 1, 2],
      ['crossYear.carryOver/total', 'FAIL', 1, 2],
    ],
  },
  {
    family: '6. cross-year stock of documents',
    previous: S001,
    text: edit(S001_2022, '行政规范性文件\t4\t5\t60', '行政规范性文件\t4\t5\t66'),
    fails: [['crossYear.stock/normativeDocuments', 'FAIL', 60, 66]],
  },
  {
    family: '7. narrative against the tables',
    text: edit(S001, '办结5件，转下一年度办理1件', '办结4件，转下一年度办理1件'),
    fails: [['narrative/completed', 'FAIL', 5, 4]],
  },
  {
    family: '8. completeness',
    text: S001.replace(/六、其他需要报告的事项[\s\S]*$/, ''),
    fails: [
      ['completeness/parts', 'FAIL', 6, 5],
      ['completeness/charges', 'FAIL', null, null],
    ],
  },
  {
    family: '9. generation',
    text: asG2(S004),
    fails: [['generation', 'FAIL', null, null]],
  },
];
