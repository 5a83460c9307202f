import type { ParsedCell } from '../ingest/parsed-report.types';
import type { VersionCell, VersionContent } from './history.types';

export interface VersionStats {
  cellsRead: number;
  cellsTotal: number;
  parts: number;
}

/** What a reading holds, for comparing readings: cells not MISSING, cells, and parts (sub-parts not counted). */
export function versionStats(content: Pick<VersionContent, 'cells' | 'sections'>): VersionStats {
  return {
    cellsRead: content.cells.filter((cell) => cell.status !== 'MISSING').length,
    cellsTotal: content.cells.length,
    parts: content.sections.filter((section) => section.parentCode === null).length,
  };
}


/** A cell as read, with no correction. */
export function uncorrected(c: ParsedCell): VersionCell {
  return { table: c.table, row: c.row, column: c.column, value: c.value, raw: c.raw, status: c.status, inferred: c.inferred, rule: c.rule, line: c.line, page: c.page, box: c.box, corrected: false, correctionReason: null, valueBefore: null, statusBefore: null };
}

type PackedCell = [string, string, string, number | null, string | null, VersionCell['status'], 0 | 1, string | null, number | null, ...([] | [string | null, number | null, VersionCell['status'] | null])];
/** A section's page came after its line; versions stored before pages have none. */
type PackedSection = [string | null, string, string, string, number, ...([] | [number | null])];
/** A cell's page, and its box as x, y, width, height; null for a cell with no page. */
type PackedPlace = [number] | [number, number, number, number, number] | null;

interface PackedContent extends Omit<VersionContent, 'cells' | 'sections'> {
  sections: PackedSection[];
  cells: PackedCell[];
  /** In step with `cells`, only when some cell has a page (a PDF read since pages were kept). */
  places?: PackedPlace[];
}

/**
 * A version's content as stored: cells and sections as arrays, a cell's
 * correction only when it has one, pages and boxes only for a PDF. A fifth of
 * the size of the objects, which every ingest writes.
 */
export const VERSION_CONTENT_COLUMN = {
  to: (content: VersionContent | undefined): string | undefined => (content === undefined ? undefined : JSON.stringify(packContent(content))),
  from: (text: string | null): VersionContent | null => (text === null ? null : unpackContent(JSON.parse(text) as PackedContent)),
};

export function packContent(content: VersionContent): PackedContent {
  return {
    generation: content.generation,
    title: content.title,
    publishedAt: content.publishedAt,
    warnings: content.warnings,
    sections: content.sections.map((s) => [s.parentCode, s.code, s.title, s.text, s.line, s.page]),
    cells: content.cells.map((c) => {
      const read: PackedCell = [c.table, c.row, c.column, c.value, c.raw, c.status, c.inferred ? 1 : 0, c.rule, c.line];
      return c.corrected ? [...read.slice(0, 9), c.correctionReason, c.valueBefore, c.statusBefore] as PackedCell : read;
    }),
    ...(content.cells.some((c) => c.page !== null) ? { places: content.cells.map(packPlace) } : {}),
  };
}

function packPlace(cell: VersionCell): PackedPlace {
  if (cell.page === null) return null;
  return cell.box ? [cell.page, cell.box.x, cell.box.y, cell.box.width, cell.box.height] : [cell.page];
}

function unpackContent(packed: PackedContent): VersionContent {
  return {
    generation: packed.generation,
    title: packed.title,
    publishedAt: packed.publishedAt,
    warnings: packed.warnings,
    sections: packed.sections.map(([parentCode, code, title, text, line, page]) => ({ parentCode, code, title, text, line, page: page ?? null })),
    cells: packed.cells.map(([table, row, column, value, raw, status, inferred, rule, line, ...correction], index) => ({
      table,
      row,
      column,
      value,
      raw,
      status,
      inferred: inferred === 1,
      rule,
      line,
      ...unpackPlace(packed.places?.[index] ?? null),
      corrected: correction.length > 0,
      correctionReason: correction[0] ?? null,
      valueBefore: correction[1] ?? null,
      statusBefore: correction[2] ?? null,
    })),
  };
}

function unpackPlace(place: PackedPlace): Pick<VersionCell, 'page' | 'box'> {
  if (place === null) return { page: null, box: null };
  const [page, x, y, width, height] = place;
  return { page, box: x === undefined ? null : { x, y: y!, width: width!, height: height! } };
}
