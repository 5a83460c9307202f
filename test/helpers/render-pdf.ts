/** Text drawn at a place on a page, in points from the bottom left. */
export interface PlacedText {
  text: string;
  x: number;
  y: number;
  size: number;
}

const PAGE = { width: 1400, height: 842 };

/**
 * A minimal PDF 1.7 with the given pages of placed text, as a word processor
 * writes one: a Type0 font with Identity-H encoding and a ToUnicode map (no
 * embedded glyphs, which text extraction does not need), one content stream
 * per page, and a cross-reference table.
 */
export function renderPdf(pages: PlacedText[][]): Buffer {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  const pageIds = pages.map((_, i) => 6 + i * 2);
  add(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`);
  add('<< /Type /Font /Subtype /Type0 /BaseFont /NianbaoSong /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>');
  add('<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NianbaoSong /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 /CIDToGIDMap /Identity /FontDescriptor << /Type /FontDescriptor /FontName /NianbaoSong /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >> >>');
  add(stream(toUnicodeMap()));
  for (const page of pages) {
    const content = page.map((t) => `BT /F1 ${t.size} Tf ${t.x.toFixed(2)} ${t.y.toFixed(2)} Td <${utf16Hex(t.text)}> Tj ET`).join('\n');
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${objects.length + 2} 0 R >>`);
    add(stream(content));
  }
  return assemblePdf(objects);
}

/** Numbered objects (the first is the catalog) written out as a PDF with its cross-reference table. */
export function assemblePdf(objects: readonly string[]): Buffer {
  let pdf = '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

export const PDF_PAGE = PAGE;

function stream(content: string): string {
  return `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
}

/** Each code is its own Unicode code unit: one range per high byte. */
function toUnicodeMap(): string {
  const ranges = Array.from({ length: 256 }, (_, high) => {
    const hex = high.toString(16).padStart(2, '0').toUpperCase();
    return `<${hex}00> <${hex}FF> <${hex}00>`;
  });
  const chunks: string[] = [];
  for (let i = 0; i < ranges.length; i += 100) chunks.push(`${Math.min(100, ranges.length - i)} beginbfrange\n${ranges.slice(i, i + 100).join('\n')}\nendbfrange`);
  return [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    ...chunks,
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
}

function utf16Hex(text: string): string {
  return [...text].map((ch) => ch.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()).join('');
}
