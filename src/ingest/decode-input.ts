import iconv from 'iconv-lite';
import { IngestError } from './ingest-error';

export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface DecodedInput {
  text: string;
  encoding: TextEncoding;
}

/** Share of control characters above which the bytes are not text. */
const MAX_CONTROL_SHARE = 0.01;
/** How many times more NULs UTF-16 text has on one side of its byte pairs than on the other. */
const UTF16_NUL_SIDE = 4;

/** Bytes of a report file (within the size limit, which readSource checks) to text: UTF-8 (with or without BOM), UTF-16 (with or without BOM), or GBK/GB18030. */
export function decodeInput(bytes: Buffer): DecodedInput {
  if (bytes.length === 0) throw new IngestError('EMPTY', 'empty file');
  const decoded = decodeText(bytes);
  const text = decoded.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new IngestError('EMPTY', 'the file holds only white space');
  if (controlShare(text) > MAX_CONTROL_SHARE) throw new IngestError('BINARY', 'binary content, not text');
  return { text, encoding: decoded.encoding };
}

function decodeText(bytes: Buffer): DecodedInput {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(bytes, 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(bytes, 'utf-16be'), encoding: 'utf-16be' };
  if (bytes.includes(0)) {
    const encoding = utf16ByteOrder(bytes);
    if (!encoding) throw new IngestError('BINARY', 'binary content (NUL bytes), not text');
    try {
      return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
    } catch {
      throw new IngestError('ENCODING', `looks like ${encoding.toUpperCase()} text without a BOM, but is not valid ${encoding.toUpperCase()}`);
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const text = iconv.decode(bytes, 'gb18030');
    if (text.includes('\uFFFD') || !/[\u4e00-\u9fff]/.test(text)) {
      throw new IngestError('ENCODING', 'neither valid UTF-8 nor GBK/GB18030 text');
    }
    return { text, encoding: 'gb18030' };
  }
}

/**
 * UTF-16 without a BOM, told by where its NUL bytes fall: the digits, tabs and
 * line ends of a report put a NUL after (little-endian) or before (big-endian)
 * each of their bytes, while Chinese characters put NULs on either side only
 * now and then (一 is U+4E00). Null when the NULs do not line up on one side.
 */
function utf16ByteOrder(bytes: Buffer): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length % 2 !== 0) return null;
  let odd = 0;
  let even = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even += 1;
    else odd += 1;
  }
  if (odd >= UTF16_NUL_SIDE * even) return 'utf-16le';
  if (even >= UTF16_NUL_SIDE * odd) return 'utf-16be';
  return null;
}

function controlShare(text: string): number {
  const sample = text.slice(0, 65536);
  const controls = sample.match(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g)?.length ?? 0;
  return controls / sample.length;
}
