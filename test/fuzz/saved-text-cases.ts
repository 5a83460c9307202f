import fc from 'fast-check';
import type { ParsedReport } from '../../src/ingest/parsed-report.types';
import { cellAddress } from '../../src/template/tables.template';
import { DELIMITED_SHAPES, renderSavedText, type DelimitedShape, type SavedTextOptions } from '../helpers/render-delimited';
import { mutatedReport } from './report-mutations';

export interface SavedCase {
  /** The (maybe mutated) report as tab-separated text. */
  tab: string;
  /** The same text as a web page saved as text prints it. */
  saved: string;
  [fc.toStringMethod](): string;
}

/** A tab-text base, mutated or not, saved in any shape with any of the printing quirks. */
export function savedReport(bases: readonly string[]): fc.Arbitrary<SavedCase> {
  const options = fc.record<SavedTextOptions>({ clutter: fc.boolean(), fullWidthDigits: fc.boolean(), halfWidthBrackets: fc.boolean() });
  return fc.tuple(mutatedReport(bases, 0), fc.constantFrom<DelimitedShape>(...DELIMITED_SHAPES), options).map(([mutated, shape, printed]) => {
    const tab = mutated.bytes.toString('utf8');
    return { tab, saved: renderSavedText(tab, shape, printed), [fc.toStringMethod]: () => `${fc.stringify(mutated)} saved as ${shape} ${JSON.stringify(printed)}` };
  });
}

/**
 * Cells the saved text reads differently from its tab original, where the
 * original read them plainly (a value, not inferred, no warning about them)
 * and the saved text says nothing about them: no flag (MISSING, inferred)
 * and no warning naming their address, row, table or line.
 */
export function silentDifferences(original: ParsedReport, saved: ParsedReport): string[] {
  const plain = new Map(original.cells.filter((c) => c.status !== 'MISSING' && !c.inferred && !warned(original, cellAddress(c), c.line)).map((c) => [cellAddress(c), c]));
  return saved.cells.flatMap((cell) => {
    const address = cellAddress(cell);
    const before = plain.get(address);
    if (!before || cell.status === 'MISSING' || cell.inferred || warned(saved, address, cell.line)) return [];
    return before.value === cell.value && before.status === cell.status ? [] : [`${address}: ${before.status} ${before.value} read as ${cell.status} ${cell.value}`];
  });
}

function warned(report: ParsedReport, address: string, line: number | null): boolean {
  return report.warnings.some((w) => (w.address !== undefined && address.startsWith(w.address)) || (line !== null && w.line === line));
}
