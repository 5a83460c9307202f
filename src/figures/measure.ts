import { numberAt, describeUnread, type ReportFacts } from '../checks/report-facts';
import { ALL_CELL_ADDRESSES } from '../template/tables.template';
import { computeFigure, figureInputOf } from './compute-figures';
import { FIGURE_NAMES, type CorrectionBasis, type FigureName } from './figure-definitions';

/** A measure is a cell address (t3/new/total) or a figure name (completionRate). */
export type Measure = { kind: 'cell'; address: string } | { kind: 'figure'; name: FigureName };

/** The measure named, or undefined when the name is neither a template cell nor a figure. */
export function parseMeasure(text: string): Measure | undefined {
  if ((FIGURE_NAMES as readonly string[]).includes(text)) return { kind: 'figure', name: text as FigureName };
  if (ALL_CELL_ADDRESSES.has(text)) return { kind: 'cell', address: text };
  return undefined;
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
