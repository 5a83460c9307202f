import { numberAt, describeUnread, type ReportFacts } from '../checks/report-facts';
import { ALL_CELL_ADDRESSES } from '../template/tables.template';
import { computeFigure, figureInputOf } from './compute-figures';
import { FIGURE_NAMES, type CorrectionBasis, type FigureName } from './figure-definitions';
import { nearestKeys } from './nearest-measures';

/** A measure is a cell address (t3/new/total) or a figure name (completionRate). */
export type Measure = { kind: 'cell'; address: string } | { kind: 'figure'; name: FigureName };

/** Far longer than any key (t2/procurement/procurementAmount is 32): a longer text is refused before it is compared with any key. */
export const MAX_MEASURE_LENGTH = 100;

/** Every name a measure may take: the figures, then the cell addresses in template order. */
export const MEASURE_KEYS: readonly string[] = [...FIGURE_NAMES, ...ALL_CELL_ADDRESSES];

/** The measure named, or undefined when the name is neither a template cell nor a figure. */
export function parseMeasure(text: string): Measure | undefined {
  if (text.length > MAX_MEASURE_LENGTH) return undefined;
  if ((FIGURE_NAMES as readonly string[]).includes(text)) return { kind: 'figure', name: text as FigureName };
  if (ALL_CELL_ADDRESSES.has(text)) return { kind: 'cell', address: text };
  return undefined;
}

/** Why a text parseMeasure refused names no measure, with the nearest keys it may have meant. */
export function unknownMeasureMessage(text: string): string {
  if (text.length > MAX_MEASURE_LENGTH) return `a measure is at most ${MAX_MEASURE_LENGTH} characters, got ${text.length}`;
  const nearest = nearestKeys(text, MEASURE_KEYS).join(', ');
  return `${JSON.stringify(text)} is not a figure name (completionRate) or a template cell address (t3/new/total); nearest: ${nearest}`;
}

export function isCellAddress(text: string): boolean {
  return ALL_CELL_ADDRESSES.has(text);
}

export interface MeasureValue {
  value: number | null;
  reason: string | null;
}

export function measureValue(measure: Measure, facts: ReportFacts, basis: CorrectionBasis = 'TOTAL'): MeasureValue {
  if (measure.kind === 'figure') {
    const figure = computeFigure(measure.name, figureInputOf(facts), basis);
    return { value: figure.value, reason: figure.reason };
  }
  const value = numberAt(facts.cell, measure.address);
  return value === undefined ? { value: null, reason: describeUnread(facts.cell, measure.address) } : { value, reason: null };
}
