export type CheckStatus = 'PASS' | 'FAIL' | 'NOT_ASSESSABLE';
export type CheckSeverity = 'ERROR' | 'WARNING';

/** One consistency check on one report (the families are described in docs/checks.md). */
export interface Check {
  /** Stable id: family, then the row, column or figure it covers, e.g. `t3.rowTotal/new`. */
  id: string;
  /** The family's rule, e.g. `t3.rowTotal`. */
  rule: string;
  status: CheckStatus;
  severity: CheckSeverity;
  expected: number | null;
  actual: number | null;
  /** Addresses of the cells read. */
  cells: string[];
  message: string;
}

export function familyOf(id: string): string {
  return id.split('/')[0]!;
}
