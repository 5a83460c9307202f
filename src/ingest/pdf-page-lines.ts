import { dirname, join } from 'node:path';
import { IngestError } from './ingest-error';
import { INGEST_LIMITS } from './ingest-limits';
import { isPageNumber } from './page-clutter';
import { roundBox, type CellBox } from './cell-box';

/** A run of text pdf.js found, with its left edge, baseline and size in page units. */
interface Run {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** Where a line's text was printed: its page, and each run's box with the characters of the line it holds. */
export interface PdfLinePlace {
  /** 1-based page number. */
  page: number;
  runs: PdfRunPlace[];
}

/** A run's characters in the line's text ([start, end)) and its box (cell-box.ts). */
export interface PdfRunPlace extends CellBox {
  start: number;
  end: number;
}

/** A PDF's text and, line by line, where it was printed. */
export interface PdfPages {
  text: string;
  places: PdfLinePlace[];
}

/** Runs whose baselines are this close (as a share of the font size) print on one line: a table's values sit a point or two off their label. */
const SAME_LINE = 0.3;
/** A gap wider than this (in font sizes) between two runs on a line separates table cells. */
const CELL_GAP = 1.2;
/** A page's first or last line that is only its number: a saved page's page numbers, or a bare "3" (elsewhere a lone number is a table's value). */
const isPageNumberLine = (text: string) => isPageNumber(text) || /^\d+$/.test(text.trim());

/**
 * A PDF report as text in the shape the parser reads: one line per printed
 * line, page after page, with table cells separated by tabs where the gap
 * between runs says a new cell begins. Rows are rebuilt from the runs'
 * positions, so a table that spans pages reads on; page numbers are left out.
 * With the text, each line's page and the box of each of its runs (`places`,
 * one per line), from which cells get their page and box (attach-pdf-places.ts).
 * Runs in the PDF reader's worker (pdf-text.ts), which bounds its time and memory.
 */
export async function pdfPageLines(bytes: Buffer): Promise<PdfPages> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const assets = dirname(require.resolve('pdfjs-dist/package.json'));
  let document;
  try {
    document = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      cMapUrl: `${join(assets, 'cmaps')}/`,
      cMapPacked: true,
      standardFontDataUrl: `${join(assets, 'standard_fonts')}/`,
      isEvalSupported: false,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    throw new IngestError('UNREADABLE', `not a readable PDF: ${(error as Error).message}`);
  }
  const lines: PrintedLine[] = [];
  try {
    if (document.numPages > INGEST_LIMITS.maxPdfPages) throw new IngestError('LIMIT', `PDF has ${document.numPages} pages (limit ${INGEST_LIMITS.maxPdfPages})`);
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const runs: Run[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [a, b, , , x, y] = item.transform as number[];
        runs.push({ text: item.str, x: x!, y: y!, width: item.width, size: Math.hypot(a!, b!) || item.height || 10 });
      }
      lines.push(...pageLines(runs, number).filter((line, index, page) => !((index === 0 || index === page.length - 1) && isPageNumberLine(line.text))));
    }
  } finally {
    await document.destroy();
  }
  if (lines.length === 0) throw new IngestError('EMPTY', 'the PDF holds no text (a scan needs OCR first)');
  return { text: lines.map((line) => line.text).join('\n'), places: lines.map((line) => line.place) };
}

interface PrintedLine {
  text: string;
  place: PdfLinePlace;
}

/** Runs grouped into lines top to bottom, each line's runs left to right. */
function pageLines(runs: Run[], page: number): PrintedLine[] {
  const sorted = [...runs].sort((p, q) => q.y - p.y || p.x - q.x);
  const groups: Run[][] = [];
  for (const run of sorted) {
    const current = groups.at(-1);
    if (current && Math.abs(current[0]!.y - run.y) <= SAME_LINE * run.size) current.push(run);
    else groups.push([run]);
  }
  return groups.map((group) => printedLine(group, page));
}

function printedLine(runs: Run[], page: number): PrintedLine {
  const ordered = [...runs].sort((p, q) => p.x - q.x);
  let text = '';
  let end = Number.NEGATIVE_INFINITY;
  const places: PdfRunPlace[] = [];
  for (const run of ordered) {
    const gap = run.x - end;
    if (text !== '' && gap > CELL_GAP * run.size) text += '\t';
    // Line breaks inside a run would split the parser's lines from their places.
    const printed = run.text.replace(/[\r\n]/g, ' ');
    const kept = printed.trim();
    const perChar = printed.length > 0 ? run.width / printed.length : 0;
    const lead = printed.length - printed.trimStart().length;
    places.push({ start: text.length, end: text.length + kept.length, ...roundBox({ x: run.x + lead * perChar, y: run.y, width: kept.length * perChar, height: run.size }) });
    text += kept;
    end = Math.max(end, run.x + run.width);
  }
  return { text, place: { page, runs: places } };
}
