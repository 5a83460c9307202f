import { S001, S001_2022 } from './broken-variants';

function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`variant source lacks ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

const NEW_2021 = '一、本年新收政府信息公开申请数量\t\t6\t0\t0\t0\t0\t0\t6\t';

/** Sample 001 (2021) printing `count` applications received instead of 6: a previous year for the consistent 2022 variant (3 received). */
export function previous2021Receiving(count: number): string {
  return edit(S001, NEW_2021, `一、本年新收政府信息公开申请数量\t\t${count}\t0\t0\t0\t0\t0\t${count}\t`);
}

/**
 * The consistent 2022 variant with t2 行政处罚 (`t2/penalty/decisions`, printed
 * 0 there) and 行政许可 (`t2/licensing/decisions`, printed 124) as given: every
 * identity still holds, so only the peer rules can object.
 */
export function peerVariant(penalty: string, licensing = '124'): string {
  return edit(edit(S001_2022, '行政处罚\t0', `行政处罚\t${penalty}`), '行政许可\t124', `行政许可\t${licensing}`);
}

/** An agencies.csv giving each named agency the same level, so their reports of one year and generation are peers. */
export function sameLevelCsv(names: readonly string[], level = 'DEPARTMENT'): string {
  return ['name,level', ...names.map((name) => `${name},${level}`)].join('\n');
}
