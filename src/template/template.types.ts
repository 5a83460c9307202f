export type TableCode = 't2' | 't3' | 't4';

/** How a printed label is recognised, after `normalizeLabel`. */
export interface LabelMatch {
  /** The label contains one of these. */
  contains: string[];
  /** The label ends with one of these (for short, generic labels such as 其他). */
  endsWith?: string[];
}

export interface RowTemplate {
  code: string;
  label: string;
  match: LabelMatch;
  /** Columns of this row when they differ from the table's (t2 rows). */
  columns?: readonly string[];
}

export interface ColumnTemplate {
  code: string;
  label: string;
  /** Decimal amounts (fees) keep every written digit; other cells are counts. */
  decimal?: boolean;
  /** A change that may be negative (本年增/减). */
  signed?: boolean;
  /** The unit the template prints for an amount (本年收费金额（单位：万元）); counts are 件. */
  unit?: '万元';
}

export interface TableTemplate {
  code: TableCode;
  title: string;
  rows: readonly RowTemplate[];
  columns: readonly ColumnTemplate[];
}

export type Generation = 'G3' | 'G2' | 'UNRECOGNISED';
