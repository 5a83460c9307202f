import type { VersionCell, VersionContent } from '../entities/history.types';
import { TableCell } from '../entities/table-cell.entity';
import { uncorrected, type VersionStats } from '../entities/version-content';
import type { ParsedReport, ParsedSection } from '../ingest/parsed-report.types';
import { cellAddress } from '../template/tables.template';

/** A correction that could not be carried onto a new reading: the source now reads the cell differently. */
export interface CorrectionConflict {
  address: string;
  /** The corrected value that was not carried. */
  corrected: number | null;
  /** What the correction was made against (as read before). */
  readBefore: number | null;
  /** What the new reading reads. */
  readNow: number | null;
  reason: string;
}

/** A new reading as a version holds it: nothing corrected yet. */
export function contentOfParsed(parsed: ParsedReport): VersionContent {
  return {
    generation: parsed.generation,
    title: parsed.title,
    publishedAt: parsed.publishedAt,
    warnings: parsed.warnings,
    sections: flattenSections(parsed.sections),
    cells: parsed.cells.map(uncorrected),
  };
}

/** Parts and sub-parts in reading order, each sub-part naming its part. */
function flattenSections(sections: ParsedSection[]): VersionContent['sections'] {
  const flat = (s: ParsedSection, parentCode: string | null) => ({ parentCode, code: s.code, title: s.title, text: s.text, line: s.line, page: s.page });
  return sections.flatMap((part) => [flat(part, null), ...part.children.map((child) => flat(child, part.code))]);
}

/** Why a new reading must not silently replace the current one, or null when it reads at least as much. */
export function regressionOf(next: VersionStats, current: VersionStats): string | null {
  const missing = (s: VersionStats) => s.cellsTotal - s.cellsRead;
  if (next.cellsRead >= current.cellsRead && missing(next) <= missing(current) && next.parts >= current.parts) return null;
  const parts = next.parts < current.parts ? `, ${next.parts} of 6 parts (current ${current.parts})` : '';
  return `new reading has ${next.cellsRead} of ${next.cellsTotal} cells (current ${current.cellsRead})${parts}`;
}

/**
 * The corrections of the current content carried onto a new reading, for each
 * cell the new reading reads as the correction's "before"; the rest are conflicts.
 */
export function carryCorrections(current: VersionContent, next: VersionContent): { content: VersionContent; conflicts: CorrectionConflict[] } {
  const corrections = new Map(current.cells.filter((c) => c.corrected).map((c) => [cellAddress(c), c]));
  const conflicts: CorrectionConflict[] = [];
  const cells = next.cells.map((cell): VersionCell => {
    const correction = corrections.get(cellAddress(cell));
    if (!correction) return cell;
    if (cell.value === correction.valueBefore && cell.status === correction.statusBefore) {
      return { ...cell, value: correction.value, status: correction.status, corrected: true, correctionReason: correction.correctionReason, valueBefore: cell.value, statusBefore: cell.status };
    }
    conflicts.push({ address: cellAddress(cell), corrected: correction.value, readBefore: correction.valueBefore, readNow: cell.value, reason: correction.correctionReason ?? '' });
    return cell;
  });
  return { content: { ...next, cells }, conflicts };
}

export interface CellChange {
  address: string;
  before: VersionCell | null;
  after: VersionCell | null;
}

/** Cells whose value or status differ between two contents (or that one of them lacks), in the later one's order. */
export function diffContents(from: VersionContent, to: VersionContent): CellChange[] {
  const before = new Map(from.cells.map((c) => [cellAddress(c), c]));
  const changes: CellChange[] = [];
  for (const cell of to.cells) {
    const address = cellAddress(cell);
    const old = before.get(address) ?? null;
    before.delete(address);
    if (!old || old.value !== cell.value || old.status !== cell.status) changes.push({ address, before: old, after: cell });
  }
  for (const [address, old] of before) changes.push({ address, before: old, after: null });
  return changes;
}

/** A version's cell as the API's Cell (its id is not a stored row's: 0). */
export function tableCellOf(cell: VersionCell, reportId: number): TableCell {
  return Object.assign(new TableCell(), { ...cell, id: 0, reportId, ordinal: 0 });
}
