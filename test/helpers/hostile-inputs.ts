import { deflateSync } from 'node:zlib';
import { INGEST_LIMITS } from '../../src/ingest/ingest-limits';
import { renderHtml } from './render-formats';
import { assemblePdf } from './render-pdf';

/**
 * Files built to exhaust a reader, as an attacker would send them. Every PDF
 * here is plain ASCII (its streams ASCII-hex encoded in front of their
 * FlateDecode), so it goes through the GraphQL mutation's text field unchanged.
 */

/** A stream object whose data is `content` deflated and hex-encoded. */
function deflatedStream(content: Buffer): string {
  const hex = deflateSync(content, { level: 9 }).toString('hex');
  return `<< /Length ${hex.length + 1} /Filter [/ASCIIHexDecode /FlateDecode] >>\nstream\n${hex}>\nendstream`;
}

/** `pages` pages that all share one content stream: the page tree and the stream, nothing else. */
export function pdfSharingOneContent(pages: number, content: Buffer): Buffer {
  const first = 4;
  const kids = Array.from({ length: pages }, (_, i) => `${first + i} 0 R`);
  return assemblePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages} >>`,
    deflatedStream(content),
    ...kids.map(() => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> /Contents 3 0 R >>'),
  ]);
}

/** One page whose content stream inflates to `inflatedBytes` bytes of spaces (the deflated stream is about a thousandth of that). */
export function pdfBomb(inflatedBytes: number): Buffer {
  return pdfSharingOneContent(1, Buffer.alloc(inflatedBytes, 0x20));
}

/** A page's content that draws a short line of text: what every page of a many-page PDF repeats. */
export const ONE_LINE_CONTENT = Buffer.from('BT /F1 12 Tf 72 720 Td (Nianbao) Tj ET\n');

/** One page whose content stream is `data` as given, decoded by `filters` in order; `byReference`: the filter array is an object of its own (5 0 R). */
export function pdfWithEncodedContent(data: Buffer, filters: string[], byReference = false): Buffer {
  const filterArray = `[${filters.map((f) => `/${f}`).join(' ')}]`;
  return assemblePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
    `<< /Length ${data.length} /Filter ${byReference ? '5 0 R' : filterArray} >>\nstream\n${data.toString('latin1')}\nendstream`,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>',
    ...(byReference ? [filterArray] : []),
  ]);
}

/**
 * LZW codes, packed as PDF packs them (9 to 12 bits, the width growing one
 * code early), that decode to ever longer runs of "A": "A", then each time the
 * code just made (AA, AAA, …) until the table is full, `cycles` times over.
 * A cycle is 3,839 codes (5.6 KB) and decodes to 1 + 2 + … + 3,839 = 7,370,880 bytes.
 */
export function lzwRunsOfA(cycles: number): Buffer {
  const bytes: number[] = [];
  let pending = 0;
  let pendingBits = 0;
  let width = 9;
  const put = (code: number) => {
    pending = (pending << width) | code;
    pendingBits += width;
    while (pendingBits >= 8) {
      bytes.push((pending >> (pendingBits - 8)) & 0xff);
      pendingBits -= 8;
      pending &= (1 << pendingBits) - 1;
    }
  };
  for (let cycle = 0; cycle < cycles; cycle += 1) {
    put(256);
    width = 9;
    put(65);
    for (let code = 258; code < 4096; code += 1) {
      put(code);
      // The table now holds `code`; the next code is read wider once the table's next free place plus one reaches a power of two.
      if (((code + 2) & (code + 1)) === 0) width = Math.min(Math.log2(code + 2) + 1, 12);
    }
  }
  put(257);
  if (pendingBits > 0) bytes.push((pending << (8 - pendingBits)) & 0xff);
  return Buffer.from(bytes);
}

/** As many pages as a PDF may have, sharing 4 MB of drawing operators: little to inflate, minutes of pdf.js reading them page after page. */
export function pdfTooSlow(): Buffer {
  return pdfSharingOneContent(INGEST_LIMITS.maxPdfPages, Buffer.from('q Q '.repeat(1_000_000)));
}

/**
 * A page whose font maps its character codes to text through ranges of 16
 * million codes each (the most pdf.js takes in one range): a stream of a few
 * hundred bytes that pdf.js expands into an array of 134 million entries.
 */
export function pdfNeedingMemory(): Buffer {
  const code = (n: number) => `<${n.toString(16).padStart(8, '0')}>`;
  const ranges = Array.from({ length: 8 }, (_, i) => `${code(i * 0x1000000)} ${code(i * 0x1000000 + 0xfffffe)} <0041>`);
  const toUnicode = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Hostile def /CMapType 2 def',
    '1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange',
    `${ranges.length} beginbfrange`,
    ...ranges,
    'endbfrange endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  return assemblePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
    deflatedStream(Buffer.from('BT /F1 12 Tf 72 720 Td <00000041> Tj ET')),
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 3 0 R >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /Hostile /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>',
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Hostile /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 /CIDToGIDMap /Identity >>',
    deflatedStream(Buffer.from(toUnicode)),
  ]);
}

/** A report page whose body is wrapped in `depth` nested `<div>`s. */
export function deeplyNestedHtml(reportText: string, depth: number): string {
  return renderHtml(reportText).replace('<body>', `<body>${'<div>'.repeat(depth)}`).replace('</body>', `${'</div>'.repeat(depth)}</body>`);
}
