import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './fixtures';

export const G2_FILE = join(FIXTURES, 'g2', '2020-g2-finance.txt');
export const G2_TEXT = readFileSync(G2_FILE, 'utf8');

function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`G2 fixture lacks ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

/**
 * The G2 fixture with one more application, from a natural person, handled
 * under （六）其他处理 (the one row t3/other): new 4 → 5, other 0 → 1, results
 * 4 → 5 in the natural-person and total columns. Every identity still holds.
 */
export const G2_WITH_OTHER = [
  ['一、本年新收政府信息公开申请数量\t\t3\t1\t0\t0\t0\t0\t4', '一、本年新收政府信息公开申请数量\t\t4\t1\t0\t0\t0\t0\t5'],
  ['(六) 其他处理\t\t0\t0\t0\t0\t0\t0\t0', '(六) 其他处理\t\t1\t0\t0\t0\t0\t0\t1'],
  ['(七) 总计\t\t3\t1\t0\t0\t0\t0\t4', '(七) 总计\t\t4\t1\t0\t0\t0\t0\t5'],
].reduce((text, [from, to]) => edit(text, from!, to!), G2_TEXT);
