import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = join(__dirname, '..', 'fixtures');
export const SEEDS = join(FIXTURES, 'seeds');

export interface Expectation {
  file: string;
  agency: string;
  year: number;
  generation: string;
  parts: number;
  publishedAt?: string;
  cells: Record<string, number | string>;
  damaged: { row: string }[];
}

export const SAMPLE_FILES = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();

export function sampleText(file: string): string {
  return readFileSync(join(SEEDS, file), 'utf8');
}

export function expectation(file: string): Expectation {
  return JSON.parse(readFileSync(join(FIXTURES, 'expected', file.replace(/\.txt$/, '.json')), 'utf8')) as Expectation;
}

/** The expected value of every template cell: listed ones as read by a person, all others 0. */
export function expectedValue(expected: Expectation, address: string): number {
  return Number(expected.cells[address] ?? 0);
}
