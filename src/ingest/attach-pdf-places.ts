import { charactersBox, roundBox, type CellBox } from './cell-box';
import type { PdfLinePlace, PdfRunPlace } from './pdf-page-lines';
import type { ParsedCell, ParsedSection } from './parsed-report.types';

/**
 * Pure: cells as read, each given the page of its line and the box of its
 * printed text when the text came from a PDF (`places`, line by line); the
 * offset they were read at is dropped. A cell with no printed text (BLANK, a
 * lost cell inferred from the identities, a row inferred from a block printed
 * as one) has its line's page but no box; a cell with no line (MISSING) has
 * neither. Without places (text, HTML, Markdown) page and box stay null.
 */
export function placeCells(cells: readonly ParsedCell[], places: readonly PdfLinePlace[] | undefined): ParsedCell[] {
  return cells.map(({ offset, ...cell }) => {
    const place = cell.line === null ? undefined : places?.[cell.line - 1];
    if (!place) return cell;
    return { ...cell, page: place.page, box: offset !== undefined && cell.raw ? boxOf(place.runs, offset, offset + cell.raw.length) : null };
  });
}

/** Pure: sections given the page their heading is printed on, when the text came from a PDF. */
export function placeSections(sections: readonly ParsedSection[], places: readonly PdfLinePlace[] | undefined): ParsedSection[] {
  const place = (section: ParsedSection): ParsedSection => ({ ...section, page: places?.[section.line - 1]?.page ?? null, children: section.children.map(place) });
  return sections.map(place);
}

/** The box of characters [start, end) of a line: its share of each run it falls in, joined. */
function boxOf(runs: readonly PdfRunPlace[], start: number, end: number): CellBox | null {
  const parts = runs
    .filter((run) => run.start < end && start < run.end)
    .map((run) => charactersBox(run, run.end - run.start, Math.max(start, run.start) - run.start, Math.min(end, run.end) - run.start));
  if (parts.length === 0) return null;
  const left = Math.min(...parts.map((b) => b.x));
  const bottom = Math.min(...parts.map((b) => b.y));
  const right = Math.max(...parts.map((b) => b.x + b.width));
  const top = Math.max(...parts.map((b) => b.y + b.height));
  return roundBox({ x: left, y: bottom, width: right - left, height: top - bottom });
}
