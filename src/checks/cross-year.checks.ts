import { T3_TEMPLATE } from '../template/t3.template';
import { familyOf, type Check, type CheckSeverity } from './check.types';
import { JUMP_MEASURES } from './plausibility-thresholds.data';
import { describeUnread, numberAt, type CellLookup, type ReportFacts } from './report-facts';

const STOCK_ROWS = ['regulations', 'normativeDocuments'];

/** The cells of the previous year's report that the cross-year checks and the plausibility jumps read. */
export const PREVIOUS_YEAR_ADDRESSES: readonly string[] = [
  ...new Set([...T3_TEMPLATE.columns.map((column) => `t3/carriedForward/${column.code}`), ...STOCK_ROWS.map((row) => `t2/${row}/inForce`), ...JUMP_MEASURES]),
];

/** Check 6: this year's carried-over applications are last year's carried-forward; the stock of documents follows. */
export function crossYearChecks(facts: ReportFacts): Check[] {
  const previous = facts.previous;
  if (!previous) return [];
  const carryOver = T3_TEMPLATE.columns.map((column) =>
    compare(`crossYear.carryOver/${column.code}`, 'ERROR', `t3 ${column.code}: carriedOver(${facts.year}) = carriedForward(${previous.year})`, [
      { cell: previous.cell, address: `t3/carriedForward/${column.code}`, label: `${previous.year}:t3/carriedForward/${column.code}`, sign: 1 },
    ], { cell: facts.cell, address: `t3/carriedOver/${column.code}` }),
  );
  const stock = STOCK_ROWS.map((row) =>
    compare(`crossYear.stock/${row}`, 'WARNING', `t2 ${row}: inForce(${facts.year}) = inForce(${previous.year}) + issued − repealed`, [
      { cell: previous.cell, address: `t2/${row}/inForce`, label: `${previous.year}:t2/${row}/inForce`, sign: 1 },
      { cell: facts.cell, address: `t2/${row}/issued`, label: `t2/${row}/issued`, sign: 1 },
      { cell: facts.cell, address: `t2/${row}/repealed`, label: `t2/${row}/repealed`, sign: -1 },
    ], { cell: facts.cell, address: `t2/${row}/inForce` }),
  );
  return [...carryOver, ...stock];
}

interface Input {
  cell: CellLookup;
  address: string;
  label: string;
  sign: number;
}

function compare(id: string, severity: CheckSeverity, rule: string, parts: Input[], total: { cell: CellLookup; address: string }): Check {
  const cells = [...parts.map((p) => p.label), total.address];
  const base = { id, rule: familyOf(id), severity, cells };
  const unread = [...parts.filter((p) => numberAt(p.cell, p.address) === undefined).map((p) => `${p.label.split(':')[0]} ${describeUnread(p.cell, p.address)}`)];
  if (numberAt(total.cell, total.address) === undefined) unread.push(describeUnread(total.cell, total.address));
  if (unread.length > 0) return { ...base, status: 'NOT_ASSESSABLE', expected: null, actual: null, message: `${rule}: ${unread.join(', ')}` };
  const expected = parts.reduce((acc, p) => acc + p.sign * numberAt(p.cell, p.address)!, 0);
  const actual = numberAt(total.cell, total.address)!;
  const pass = Math.abs(expected - actual) < 1e-9;
  return { ...base, status: pass ? 'PASS' : 'FAIL', expected, actual, message: pass ? rule : `${rule}: expected ${expected}, the table says ${actual}` };
}
