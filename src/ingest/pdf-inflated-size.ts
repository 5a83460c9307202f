import { IngestError } from './ingest-error';
import { INGEST_LIMITS } from './ingest-limits';
import { decodedSize, OverBudget } from './pdf-stream-filters';

/** Where a stream's data begins: the `stream` keyword (not `endstream`) and its end of line. */
const STREAM_START = /(?<!end)stream[ \t]*(?:\r\n|\n|\r)/g;
/** How far before its `stream` keyword a stream's dictionary may begin. */
const DICTIONARY_WINDOW = 4096;
/** A dictionary's filters: a name, an array of names, or a reference to them elsewhere. pdf.js reads the short key `F` as well. */
const FILTER_ENTRY = /\/F(?:ilter)?(?=[\s[/\d])\s*(\[[^\]]*\]|\/[^\s/[\]<>()]+|\d+\s+\d+\s+R)/;
const EARLY_CHANGE = /\/EarlyChange\s+0\b/;

/**
 * Refuses a PDF whose streams decode to more bytes together than the limit,
 * before pdf.js decodes any: a deflated stream of a few kilobytes can inflate
 * to gigabytes, which pdf.js would hold in memory whole. Each stream is
 * decoded here as it is found, counting, and dropped.
 */
export async function checkInflatedSize(bytes: Buffer, limit: number = INGEST_LIMITS.maxPdfInflatedBytes): Promise<void> {
  const text = bytes.toString('latin1');
  let total = 0;
  for (const match of text.matchAll(STREAM_START)) {
    const dictionary = dictionaryBefore(text, match.index);
    const data = bytes.subarray(match.index + match[0].length);
    try {
      total += await decodedSize(data, filtersOf(dictionary, text), limit - total, EARLY_CHANGE.test(dictionary) ? 0 : 1);
    } catch (error) {
      if (!(error instanceof OverBudget)) throw error;
      throw new IngestError('LIMIT', `PDF streams inflate to over ${limit} bytes (limit ${limit}); the stream at byte ${match.index} passed it`);
    }
  }
}

function dictionaryBefore(text: string, streamAt: number): string {
  const from = Math.max(0, streamAt - DICTIONARY_WINDOW);
  const objectAt = text.lastIndexOf('obj', streamAt);
  return text.slice(Math.max(from, objectAt), streamAt);
}

/**
 * The filter names in the order they apply. Filters given by reference are
 * read from the object referred to; one that cannot be found (inside a
 * compressed object stream) is taken to be one FlateDecode, the usual one.
 */
function filtersOf(dictionary: string, text: string): string[] {
  const entry = FILTER_ENTRY.exec(dictionary)?.[1];
  if (!entry) return [];
  const reference = /^(\d+)\s+(\d+)\s+R$/.exec(entry);
  const names = reference ? referredObject(text, reference[1]!, reference[2]!) ?? '/FlateDecode' : entry;
  return [...names.matchAll(/\/([^\s/[\]<>()]+)/g)].map((name) => name[1]!);
}

/** The body of the indirect object `number generation obj … endobj`, as text. */
function referredObject(text: string, number: string, generation: string): string | undefined {
  const start = new RegExp(`(?<![0-9])${number}\\s+${generation}\\s+obj\\b`).exec(text);
  if (!start) return undefined;
  const end = text.indexOf('endobj', start.index);
  return text.slice(start.index + start[0].length, end < 0 ? undefined : end);
}
