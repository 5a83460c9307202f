import fc from 'fast-check';
import iconv from 'iconv-lite';
import { corpusAgencies } from '../../src/generate/corpus-agencies';
import { renderReport } from '../../src/generate/render-report';
import { reportValues } from '../../src/generate/report-values';
import { SeededRandom } from '../../src/generate/seeded-random';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, SAMPLE_FILES, sampleText } from '../helpers/fixtures';
import { renderSavedText } from '../helpers/render-delimited';
import { renderHtml, renderMarkdown } from '../helpers/render-formats';

/** The five samples, four generated reports (two damaged), the G2 fixture, a sample as HTML and as Markdown, and reports saved from web pages as text: the texts mutations start from. */
export function baseReports(): string[] {
  const samples = SAMPLE_FILES.map(sampleText);
  const g2 = readFileSync(join(FIXTURES, 'g2', '2020-g2-finance.txt'), 'utf8');
  return [
    ...tabReports(),
    renderHtml(samples[1]!),
    renderMarkdown(samples[2]!),
    renderSavedText(samples[3]!, 'pipe rows', { clutter: true }),
    renderSavedText(samples[4]!, 'space-run rows', { fullWidthDigits: true }),
    renderSavedText(g2, 'one cell per line with a trailing pipe', { clutter: true, halfWidthBrackets: true }),
    renderSavedText(samples[0]!, 'cells between lone pipe lines'),
  ];
}

/** The bases printed as the samples are (table rows as tab-separated fields): the samples, four generated reports (two damaged), the G2 fixture. */
export function tabReports(): string[] {
  const random = new SeededRandom(7);
  const generated = corpusAgencies(4, random).map((agency, index) => {
    const damaged = index % 2 === 1;
    const damage = { brokenHeader: damaged, lostLeadingTabs: damaged, labelVariants: damaged, lostCellRow: damaged ? 'new' : null, twoLineTitle: damaged };
    return renderReport(agency.name, 2022, reportValues(agency, undefined, random), damage, random).text;
  });
  return [...SAMPLE_FILES.map(sampleText), ...generated, readFileSync(join(FIXTURES, 'g2', '2020-g2-finance.txt'), 'utf8')];
}

/** One change to a report file, as bytes may suffer it between a PDF and us. */
export type Mutation = (bytes: Buffer) => Buffer;

const lines = (bytes: Buffer) => bytes.toString('utf8').split('\n');
const joined = (parts: string[]) => Buffer.from(parts.join('\n'), 'utf8');
const FULL_WIDTH_OFFSET = 0xff10 - 0x30;

const truncation = fc.double({ min: 0, max: 1, noNaN: true }).map((share): Mutation => (bytes) => bytes.subarray(0, Math.floor(bytes.length * share)));

const byteFlips = fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 20 }).map(
  (flips): Mutation =>
    (bytes) => {
      const copy = Buffer.from(bytes);
      for (const [at, mask] of flips) if (copy.length > 0) copy[Math.floor(at * copy.length)]! ^= mask;
      return copy;
    },
);

const shuffledLines = fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 30 }).map(
  (swaps): Mutation =>
    (bytes) => {
      const all = lines(bytes);
      for (const [a, b] of swaps) {
        const i = a % all.length;
        const j = b % all.length;
        [all[i], all[j]] = [all[j]!, all[i]!];
      }
      return joined(all);
    },
);

const duplicatedLines = fc.tuple(fc.nat(), fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1, max: 5 })).map(
  ([start, length, times]): Mutation =>
    (bytes) => {
      const all = lines(bytes);
      const from = start % all.length;
      const slice = all.slice(from, from + length);
      all.splice(from, 0, ...Array.from({ length: times }, () => slice).flat());
      return joined(all);
    },
);

const hugeNumbers = fc.tuple(fc.nat(), fc.constantFrom('9'.repeat(400), '1e308', '18446744073709551617', '-99999999999', '3.4028236e+38', '0.000000001', 'NaN', 'Infinity')).map(
  ([pick, huge]): Mutation =>
    (bytes) => {
      const text = bytes.toString('utf8');
      const numbers = [...text.matchAll(/\d+/g)];
      if (numbers.length === 0) return bytes;
      const target = numbers[pick % numbers.length]!;
      return Buffer.from(text.slice(0, target.index) + huge + text.slice(target.index! + target[0].length), 'utf8');
    },
);

const fullWidthDigits = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })).map(
  ([a, b]): Mutation =>
    (bytes) => {
      const text = bytes.toString('utf8');
      const [from, to] = [Math.floor(Math.min(a, b) * text.length), Math.ceil(Math.max(a, b) * text.length)];
      const wide = text.slice(from, to).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + FULL_WIDTH_OFFSET));
      return Buffer.from(text.slice(0, from) + wide + text.slice(to), 'utf8');
    },
);

/** Part of the file in another encoding: GBK, UTF-16 or Latin-1 bytes spliced into UTF-8. */
const mixedEncodings = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('gbk', 'utf-16le', 'latin1', 'whole-gbk')).map(
  ([a, b, encoding]): Mutation =>
    (bytes) => {
      const text = bytes.toString('utf8');
      if (encoding === 'whole-gbk') return iconv.encode(text, 'gbk');
      const [from, to] = [Math.floor(Math.min(a, b) * text.length), Math.ceil(Math.max(a, b) * text.length)];
      return Buffer.concat([Buffer.from(text.slice(0, from), 'utf8'), iconv.encode(text.slice(from, to), encoding), Buffer.from(text.slice(to), 'utf8')]);
    },
);

export const MUTATION_KINDS = { truncation, byteFlips, shuffledLines, duplicatedLines, hugeNumbers, fullWidthDigits, mixedEncodings };

export interface MutatedReport {
  bytes: Buffer;
  /** The base's index and the mutations applied, which is what a failure report needs (not the bytes). */
  [fc.toStringMethod](): string;
}

/** A base report with one to four (or from `minMutations`) mutations of any kind applied in turn. */
export function mutatedReport(bases: readonly string[], minMutations = 1): fc.Arbitrary<MutatedReport> {
  const named = Object.entries(MUTATION_KINDS).map(([name, kind]) => kind.map((mutate) => ({ name, mutate })));
  return fc.tuple(fc.integer({ min: 0, max: bases.length - 1 }), fc.array(fc.oneof(...named), { minLength: minMutations, maxLength: 4 })).map(([base, mutations]) => {
    const bytes = mutations.reduce<Buffer>((current, { mutate }) => mutate(current), Buffer.from(bases[base]!, 'utf8'));
    return { bytes, [fc.toStringMethod]: () => `base ${base} after ${mutations.map((m) => m.name).join(', ')}: ${JSON.stringify(bytes.toString('utf8').slice(0, 120))}…` };
  });
}
