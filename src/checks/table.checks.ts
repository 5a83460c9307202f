import { tablesOf } from '../template/tables.template';
import type { Generation } from '../template/template.types';
import type { Check } from './check.types';
import { familyOf } from './check.types';
import { identitiesOf, type Identity } from './identities';
import { describeUnread, numberAt, type CellLookup } from './report-facts';

/** Checks 1–4: every table identity, parts summed (expected) against the printed total (actual). */
export function identityChecks(cell: CellLookup, generation: Generation): Check[] {
  return identitiesOf(generation).map((identity) => identityCheck(identity, cell));
}

function identityCheck(identity: Identity, cell: CellLookup): Check {
  const cells = identity.terms.map((t) => t.address);
  const base = { id: identity.id, rule: familyOf(identity.id), severity: 'ERROR' as const, cells };
  const unread = cells.filter((a) => numberAt(cell, a) === undefined);
  if (unread.length > 0) {
    return { ...base, status: 'NOT_ASSESSABLE', expected: null, actual: null, message: `${identity.rule}: ${unread.map((a) => describeUnread(cell, a)).join(', ')}` };
  }
  const side = (sign: number) => identity.terms.filter((t) => Math.sign(t.coefficient) === sign).reduce((acc, t) => acc + numberAt(cell, t.address)!, 0);
  const expected = side(1);
  const actual = side(-1);
  const pass = Math.abs(expected - actual) < 1e-9;
  return { ...base, status: pass ? 'PASS' : 'FAIL', expected, actual, message: pass ? identity.rule : `${identity.rule}: parts add up to ${expected}, the table says ${actual}` };
}

/** Check 5: every count is a non-negative integer (a change, 本年增/减, may be negative); fees are non-negative. */
export function nonNegativeChecks(cell: CellLookup, generation: Generation): Check[] {
  return tablesOf(generation).map((table) => {
    const addresses = table.rows.flatMap((row) => (row.columns ?? table.columns.map((c) => c.code)).map((column) => ({ address: `${table.code}/${row.code}/${column}`, column })));
    const read = addresses.filter((a) => numberAt(cell, a.address) !== undefined);
    const bad = read.filter(({ address, column }) => {
      const value = numberAt(cell, address)!;
      const template = table.columns.find((c) => c.code === column);
      return (value < 0 && template?.signed !== true) || (template?.decimal !== true && !Number.isInteger(value));
    });
    return {
      id: `nonNegative/${table.code}`,
      rule: 'nonNegative',
      status: bad.length === 0 ? 'PASS' : 'FAIL',
      severity: 'ERROR',
      expected: 0,
      actual: bad.length,
      cells: read.map((a) => a.address),
      message: bad.length === 0 ? `${table.code}: every count is a non-negative integer` : `${table.code}: not a non-negative count: ${bad.map((b) => `${b.address} = ${numberAt(cell, b.address)}`).join(', ')}`,
    };
  });
}
