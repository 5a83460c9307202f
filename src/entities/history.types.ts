import type { CellStatus, ParseWarning, ParsedCell } from '../ingest/parsed-report.types';
import type { Generation } from '../template/template.types';

export const VERSION_KINDS = ['PARSED', 'REPARSED', 'CORRECTED'] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

export const REVIEW_VERDICTS = ['CONFIRMED_ERROR', 'EXPLAINED', 'FALSE_ALARM'] as const;
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];

export const BATCH_KINDS = ['INGEST', 'ACTIVATE'] as const;
export type BatchKind = (typeof BATCH_KINDS)[number];

/** stored/replaced/activated changed the current version; kept/unchanged/refused did not. */
export const ITEM_OUTCOMES = ['stored', 'replaced', 'unchanged', 'kept', 'refused', 'activated'] as const;
export type ItemOutcome = (typeof ITEM_OUTCOMES)[number];

/** A cell as a version keeps it: as read, and, when corrected, the correction. */
export interface VersionCell extends ParsedCell {
  corrected: boolean;
  correctionReason: string | null;
  /** As read from the source, before any correction. */
  valueBefore: number | null;
  statusBefore: CellStatus | null;
}

export interface VersionSection {
  parentCode: string | null;
  code: string;
  title: string;
  text: string;
  line: number;
  /** Read from a PDF: the page the heading is printed on. */
  page: number | null;
}

/** Everything a version holds: what becomes the report's row, sections and cells when it is current. */
export interface VersionContent {
  generation: Generation;
  title: string;
  publishedAt: string | null;
  warnings: ParseWarning[];
  sections: VersionSection[];
  cells: VersionCell[];
}
