import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkInflatedSize } from '../../src/ingest/pdf-inflated-size';
import { FIXTURES } from '../helpers/fixtures';
import { lzwRunsOfA, pdfBomb, pdfWithEncodedContent } from '../helpers/hostile-inputs';

const LIMIT = 64 * 1024 * 1024;
const refusal = /^PDF streams inflate to over 67108864 bytes \(limit 67108864\); the stream at byte \d+ passed it$/;

describe("a PDF's streams, decoded and counted before pdf.js reads any", () => {
  it('the two real reports: every stream counted, to the byte', async () => {
    // Each stream inflated on its own with zlib.inflateSync and the sizes added (a one-off script, not this code):
    // 20 streams, 1,466,916 bytes in 2023; 18 streams, 1,151,087 bytes in 2024.
    for (const [year, size] of [[2023, 1_466_916], [2024, 1_151_087]] as const) {
      const bytes = readFileSync(join(FIXTURES, 'pdf', `hongze-${year}.pdf`));
      await expect(checkInflatedSize(bytes, size)).resolves.toBeUndefined();
      await expect(checkInflatedSize(bytes, size - 1)).rejects.toThrow(`PDF streams inflate to over ${size - 1} bytes`);
    }
  });

  it('a deflated stream a MiB under the limit passes; a byte over it is refused', async () => {
    // 63 MiB of spaces, plus the 64 KB or so of deflated bytes its hex digits decode to.
    await expect(checkInflatedSize(pdfBomb(LIMIT - 1024 * 1024))).resolves.toBeUndefined();
    await expect(checkInflatedSize(pdfBomb(LIMIT + 1))).rejects.toThrow(refusal);
  });

  it.each([
    // 10 cycles of 7,370,880 bytes: 73.7 MB from 56 KB of codes.
    ['LZWDecode', () => pdfWithEncodedContent(lzwRunsOfA(10), ['LZWDecode'])],
    // 530,000 runs of 128 spaces (67.8 MB), the runs themselves deflated.
    ['FlateDecode then RunLengthDecode', () => pdfWithEncodedContent(deflateSync(Buffer.alloc(2 * 530_000, 0).fill(Buffer.from([129, 0x20]))), ['FlateDecode', 'RunLengthDecode'])],
    // 17 million "z", each four zero bytes (68 MB), deflated.
    ['FlateDecode then ASCII85Decode', () => pdfWithEncodedContent(deflateSync(Buffer.from(`${'z'.repeat(17_000_000)}~>`)), ['FlateDecode', 'ASCII85Decode'])],
    ['FlateDecode twice', () => pdfWithEncodedContent(deflateSync(deflateSync(Buffer.alloc(LIMIT + 1))), ['FlateDecode', 'FlateDecode'])],
    // The same, its filter array an object of its own (/Filter 5 0 R): counted as one FlateDecode, the first pass alone is 64 KB.
    ['FlateDecode twice, the filters given by reference', () => pdfWithEncodedContent(deflateSync(deflateSync(Buffer.alloc(LIMIT + 1))), ['FlateDecode', 'FlateDecode'], true)],
  ])('%s past the limit is refused', async (_, pdf) => {
    await expect(checkInflatedSize(pdf())).rejects.toThrow(refusal);
  });

  it('LZW decodes as pdf.js decodes it: one cycle of runs is 7,370,880 bytes', async () => {
    const pdf = pdfWithEncodedContent(lzwRunsOfA(1), ['LZWDecode']);
    await expect(checkInflatedSize(pdf, 7_370_880)).resolves.toBeUndefined();
    await expect(checkInflatedSize(pdf, 7_370_879)).rejects.toThrow('PDF streams inflate to over 7370879 bytes');
  });
});
