import type { Generation } from '../template/template.types';

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
}

export interface ParsedSection {
  code: string;
  title: string;
  text: string;
  line: number;
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
