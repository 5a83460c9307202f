import { identityResidual, type Identity } from '../checks/identities';
import { cellAddress } from '../template/tables.template';
import type { ShortSequence } from './cell-factory';
import { readCellValue, statusOfNumber } from './cell-value';
import type { ParsedCell, ParseWarning } from './parsed-report.types';

type CellMap = Map<string, ParsedCell>;

/** Most lost cells per printed sequence that alignment tries to place. */
const MAX_LOST = 2;

/**
 * Fills cells the source lost, only where a table identity determines
 * them. A short sequence (a row printed with fewer values than columns) is
 * placed at every possible position of its lost cells; a placement counts when
 * the identities fix the lost values and every identity it completes holds.
 * Cells the text never reached (it was cut off before them) are never filled.
 */
export function inferLostCells(cells: CellMap, shortSequences: readonly ShortSequence[], warnings: ParseWarning[], identities: readonly Identity[], unreached: ReadonlySet<string> = new Set()): void {
  for (const sequence of shortSequences) alignShortSequence(cells, sequence, warnings, identities);
  inferSingleMissing(cells, warnings, identities, unreached);
}

interface Placement {
  values: Map<string, number>;
  lost: Map<string, string>;
}

function alignShortSequence(cells: CellMap, sequence: ShortSequence, warnings: ParseWarning[], identities: readonly Identity[]): void {
  const addresses = sequence.addresses.map(cellAddress);
  const lostCount = addresses.length - sequence.observed.length;
  const rows = new Set(sequence.addresses.map((a) => `${a.table}/${a.row}`));
  const scope = rows.size === 1 ? [...rows][0]! : sequence.addresses[0]!.table;
  const where = `${scope}: line ${sequence.line} holds ${sequence.observed.length} values for ${addresses.length} cells`;
  const warn = (message: string): void => void warnings.push({ code: 'LOST_CELL', message: `${where}; ${message}`, line: sequence.line, address: scope });
  const placements =
    lostCount > MAX_LOST ? [] : combinations(addresses.length, lostCount).flatMap((lost) => tryPlacement(cells, addresses, sequence.observed, lost, identities));
  if (placements.length === 0) return warn('no placement of the lost cells satisfies the table identities, so the cells are MISSING');
  const first = placements[0]!;
  if (!placements.every((p) => addresses.every((a) => p.values.get(a) === first.values.get(a)))) {
    return warn('the identities allow several readings, so the cells are MISSING');
  }
  const lostSomewhere = new Map<string, string>();
  for (const placement of placements) for (const [address, rule] of placement.lost) lostSomewhere.set(address, rule);
  let observedIndex = 0;
  for (const address of addresses) {
    const cell = cells.get(address)!;
    const value = first.values.get(address);
    const rule = lostSomewhere.get(address);
    const observed = first.lost.has(address) ? undefined : observedIndex++;
    const raw = observed === undefined ? null : sequence.observed[observed]!;
    const place = observed === undefined ? undefined : sequence.places[observed];
    // A printed "/", blank or unreadable figure keeps what it says; the identities only placed it.
    const read = value === undefined ? (readCellValue(raw ?? '') ?? { value: null, status: 'MISSING' as const }) : { value, status: value === 0 ? ('ZERO' as const) : ('NUMBER' as const) };
    Object.assign(cell, { ...read, raw, line: place?.line ?? sequence.line, offset: place?.offset, inferred: rule !== undefined, rule: rule ?? null });
  }
  const inferred = [...lostSomewhere.keys()];
  warn(
    placements.length === 1
      ? `the lost cell ${inferred.join(', ')} is inferred from ${[...lostSomewhere.values()].join(', ')}`
      : `the lost cell's position is ambiguous; ${inferred.length} cells are inferred from the identities (${[...new Set(lostSomewhere.values())].join(', ')})`,
  );
}

function tryPlacement(cells: CellMap, addresses: string[], observed: string[], lostPositions: number[], identities: readonly Identity[]): Placement[] {
  const values = new Map<string, number>();
  const unknown = new Set<string>();
  let next = 0;
  addresses.forEach((address, position) => {
    if (lostPositions.includes(position)) return unknown.add(address);
    const read = readCellValue(observed[next++]!);
    if (read?.value != null) values.set(address, read.value);
  });
  const valueOf = (address: string) => (unknown.has(address) ? undefined : (values.get(address) ?? knownValue(cells.get(address))));
  const solved = solve(unknown, valueOf, identities);
  if (solved.size < unknown.size) return [];
  const lost = new Map<string, string>();
  for (const [address, { value, rule }] of solved) {
    values.set(address, value);
    lost.set(address, rule);
  }
  const touched = identities.filter((identity) => identity.terms.some((t) => addresses.includes(t.address)));
  const holds = touched.every((identity) => {
    const residual = identityResidual(identity, (a) => values.get(a) ?? knownValue(cells.get(a)));
    return residual === undefined || Math.abs(residual) < 1e-9;
  });
  return holds ? [{ values, lost }] : [];
}

interface Solution {
  value: number;
  rule: string;
}

/** Solves unknown cells one identity at a time, each with the identity that fixed it. */
function solve(unknown: Set<string>, valueOf: (address: string) => number | undefined, identities: readonly Identity[]): Map<string, Solution> {
  const solved = new Map<string, Solution>();
  const lookup = (address: string) => solved.get(address)?.value ?? valueOf(address);
  let progress = true;
  while (progress) {
    progress = false;
    for (const identity of identities) {
      const open = identity.terms.filter((t) => lookup(t.address) === undefined);
      if (open.length !== 1 || !unknown.has(open[0]!.address)) continue;
      const value = solveFor(identity, open[0]!.address, lookup);
      if (value === undefined) continue;
      solved.set(open[0]!.address, { value, rule: identity.id });
      progress = true;
    }
  }
  return solved;
}

function solveFor(identity: Identity, target: string, valueOf: (address: string) => number | undefined): number | undefined {
  let rest = 0;
  let coefficient = 0;
  for (const term of identity.terms) {
    if (term.address === target) {
      coefficient = term.coefficient;
      continue;
    }
    const value = valueOf(term.address);
    if (value === undefined) return undefined;
    rest += term.coefficient * value;
  }
  const value = rest === 0 ? 0 : -rest / coefficient;
  return Number.isInteger(value) && value >= 0 ? value : undefined;
}

/** A lost total recomputed from its parts, or a lost part from its total: one MISSING cell in an otherwise read identity. */
function inferSingleMissing(cells: CellMap, warnings: ParseWarning[], identities: readonly Identity[], unreached: ReadonlySet<string>): void {
  const missing = new Set([...cells.values()].filter((c) => c.status === 'MISSING').map(cellAddress));
  const valueOf = (address: string) => (missing.has(address) ? undefined : knownValue(cells.get(address)));
  for (const address of unreached) missing.delete(address);
  for (const [address, { value, rule }] of solve(missing, valueOf, identities)) {
    Object.assign(cells.get(address)!, { value, status: statusOfNumber(value), inferred: true, rule });
    warnings.push({ code: 'INFERRED_CELL', message: `${address}: not found in the source; inferred from ${rule}`, address });
  }
}

function knownValue(cell: ParsedCell | undefined): number | undefined {
  return cell && (cell.status === 'NUMBER' || cell.status === 'ZERO') ? (cell.value ?? undefined) : undefined;
}

function combinations(n: number, k: number): number[][] {
  if (k === 0) return [[]];
  const result: number[][] = [];
  const pick = (start: number, chosen: number[]) => {
    if (chosen.length === k) return void result.push(chosen);
    for (let i = start; i < n; i += 1) pick(i + 1, [...chosen, i]);
  };
  pick(0, []);
  return result;
}
