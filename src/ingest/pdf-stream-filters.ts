import { constants, createInflate } from 'node:zlib';

/** A stream decoded past what the PDF's streams may hold together. */
export class OverBudget extends Error {}

/**
 * A PDF stream's data through its filters, as pdf.js decodes it, refused with
 * OverBudget as soon as the filters' outputs together pass `budget` bytes; the
 * size is what this returns. A filter this does not know (images, encryption
 * not undone) ends the chain: what follows it is not counted.
 */
export async function decodedSize(data: Buffer, filters: readonly string[], budget: number, earlyChange: number): Promise<number> {
  let total = 0;
  let input = data;
  for (const filter of filters) {
    const output = await decode(filter, input, budget - total, earlyChange);
    if (!output) break;
    total += output.length;
    input = output;
  }
  return total;
}

function decode(filter: string, data: Buffer, budget: number, earlyChange: number): Promise<Buffer> | Buffer | null {
  switch (filter) {
    case 'FlateDecode':
    case 'Fl':
      return inflate(data, budget);
    case 'LZWDecode':
    case 'LZW':
      return lzw(data, budget, earlyChange);
    case 'RunLengthDecode':
    case 'RL':
      return runLength(data, budget);
    case 'ASCIIHexDecode':
    case 'AHx':
      return asciiHex(data, budget);
    case 'ASCII85Decode':
    case 'A85':
      return ascii85(data, budget);
    default:
      return null;
  }
}

/** Inflates until the data's deflate stream ends (the bytes after it are the rest of the file); damaged data gives what came out before the damage, as pdf.js reads it. */
function inflate(data: Buffer, budget: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const inflater = createInflate({ finishFlush: constants.Z_SYNC_FLUSH });
    inflater.on('data', (chunk: Buffer) => {
      size += chunk.length;
      chunks.push(chunk);
      if (size <= budget) return;
      inflater.destroy();
      reject(new OverBudget());
    });
    inflater.on('end', () => resolve(Buffer.concat(chunks)));
    inflater.on('error', () => resolve(Buffer.concat(chunks)));
    inflater.end(data);
  });
}

/** Bytes written up to a budget, in a buffer that grows as they come. */
class BoundedOutput {
  private buffer = Buffer.alloc(64 * 1024);
  length = 0;

  constructor(private readonly budget: number) {}

  private reserve(count: number): void {
    const needed = this.length + count;
    if (needed > this.budget) throw new OverBudget();
    if (needed <= this.buffer.length) return;
    const grown = Buffer.alloc(Math.min(Math.max(needed, this.buffer.length * 2), this.budget));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }

  fill(byte: number, count: number): void {
    this.reserve(count);
    this.buffer.fill(byte, this.length, this.length + count);
    this.length += count;
  }

  copy(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  result(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}

function runLength(data: Buffer, budget: number): Buffer {
  const out = new BoundedOutput(budget);
  for (let i = 0; i < data.length; ) {
    const run = data[i++]!;
    if (run === 128) break;
    if (run < 128) {
      out.copy(data.subarray(i, i + run + 1));
      i += run + 1;
    } else {
      out.fill(data[i++] ?? 0, 257 - run);
    }
  }
  return out.result();
}

function asciiHex(data: Buffer, budget: number): Buffer {
  const end = data.indexOf('>');
  const digits = data.subarray(0, end < 0 ? data.length : end).toString('latin1').replace(/[^0-9a-fA-F]/g, '');
  const out = new BoundedOutput(budget);
  out.copy(Buffer.from(digits.length % 2 === 0 ? digits : `${digits}0`, 'hex'));
  return out.result();
}

function ascii85(data: Buffer, budget: number): Buffer {
  const out = new BoundedOutput(budget);
  const group: number[] = [];
  const flush = (bytes: number) => {
    while (group.length < 5) group.push(84);
    const value = group.reduce((sum, digit) => sum * 85 + digit, 0);
    out.copy(Uint8Array.from([value / 2 ** 24, value / 2 ** 16, value / 2 ** 8, value].map((part) => Math.floor(part) & 0xff)).subarray(0, bytes));
    group.length = 0;
  };
  for (const byte of data) {
    if (byte === 0x7e) break;
    if (byte <= 0x20) continue;
    if (byte === 0x7a && group.length === 0) out.fill(0, 4);
    else if (byte >= 0x21 && byte <= 0x75) {
      group.push(byte - 0x21);
      if (group.length === 5) flush(4);
    } else break;
  }
  if (group.length > 1) flush(group.length - 1);
  return out.result();
}

/** LZW with 9- to 12-bit codes, as PDF writes it; `earlyChange` as the stream's DecodeParms give it (1 unless they say 0). */
function lzw(data: Buffer, budget: number, earlyChange: number): Buffer {
  const out = new BoundedOutput(budget);
  const prefix = new Int16Array(4096).fill(-1);
  const suffix = new Uint8Array(4096);
  const length = new Uint16Array(4096);
  for (let code = 0; code < 256; code += 1) {
    suffix[code] = code;
    length[code] = 1;
  }
  const entry = new Uint8Array(4096);
  const write = (code: number) => {
    const size = length[code]!;
    for (let at = size - 1, c = code; at >= 0; at -= 1, c = prefix[c]!) entry[at] = suffix[c]!;
    out.copy(entry.subarray(0, size));
    return entry[0]!;
  };
  let next = 258;
  let codeLength = 9;
  let previous = -1;
  let bits = 0;
  let bitCount = 0;
  for (const byte of data) {
    bits = ((bits << 8) | byte) & 0xffffff;
    bitCount += 8;
    while (bitCount >= codeLength) {
      const code = (bits >>> (bitCount - codeLength)) & ((1 << codeLength) - 1);
      bitCount -= codeLength;
      if (code === 256) {
        [next, codeLength, previous] = [258, 9, -1];
        continue;
      }
      if (code === 257 || code > next || (code === next && previous < 0)) return out.result();
      if (previous >= 0 && next < 4096) {
        prefix[next] = previous;
        length[next] = length[previous]! + 1;
        suffix[next] = code === next ? firstByte(previous, prefix, suffix) : firstByte(code, prefix, suffix);
        next += 1;
        const boundary = next + earlyChange;
        if ((boundary & (boundary - 1)) === 0) codeLength = Math.min(Math.log2(boundary) + 1, 12);
      }
      write(code);
      previous = code;
    }
  }
  return out.result();
}

function firstByte(code: number, prefix: Int16Array, suffix: Uint8Array): number {
  let c = code;
  while (prefix[c]! >= 0) c = prefix[c]!;
  return suffix[c]!;
}
