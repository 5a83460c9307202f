import type { Generation } from '../template/template.types';
import type { CellBox } from './cell-box';

export type CellStatus = 'NUMBER' | 'ZERO' | 'BLANK' | 'NA' | 'MISSING';

export interface ParsedCell {
  table: string;
  row: string;
  column: string;
  value: number | null;
  raw: string | null;
  status: CellStatus;
  inferred: boolean;
  /** The identity that gave an inferred value. */
  rule: string | null;
  /** 1-based source line the value was read from. */
  line: number | null;
  /** Read from a PDF: the 1-based page of its line; null for other formats. */
  page: number | null;
  /** Read from a PDF: where its text is printed on the page (cell-box.ts); null with no printed text (BLANK, lost, inferred) and for other formats. */
  box: CellBox | null;
  /** While parsing: where the value starts in its line's text (0-based), for finding its box. */
  offset?: number;
}

/** Where a value was printed in the source text: its line and its first character there. */
export interface TextPlace {
  line: number;
  offset: number;
}

export interface ParsedSection {
  code: string;
  title: string;
  text: string;
  line: number;
  /** Read from a PDF: the page the heading is printed on; null for other formats. */
  page: number | null;
  children: ParsedSection[];
}

export interface ParseWarning {
  code: string;
  message: string;
  line?: number;
  address?: string;
}

export interface ParsedReport {
  agencyName: string;
  year: number;
  title: string;
  publishedAt: string | null;
  generation: Generation;
  sections: ParsedSection[];
  cells: ParsedCell[];
  warnings: ParseWarning[];
}

/** A source line with its 1-based number. */
export interface SourceLine {
  number: number;
  text: string;
}
