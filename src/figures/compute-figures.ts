import { describeUnread, numberAt, type CellLookup, type ReportFacts } from '../checks/report-facts';
import type { Generation } from '../template/template.types';
import { PARTS } from '../template/parts.template';
import { templateCells, cellAddress } from '../template/tables.template';
import { linearFigures, type CorrectionBasis, type FigureName, type LinearFigure, type Term } from './figure-definitions';
import { describeTerms } from './figure-formulas';

export interface FigureValue {
  name: FigureName;
  /** null with a reason when an input is not a number or the denominator is 0: never a fake 0%. */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  reason: string | null;
}

export interface FigureInput {
  cell: CellLookup;
  /** Codes of the parts found (1–6). */
  partCodes: string[];
  /** Whose template's cells count towards completeness. */
  generation: Generation;
}

export function figureInputOf(facts: Pick<ReportFacts, 'cell' | 'sections' | 'generation'>): FigureInput {
  return { cell: facts.cell, partCodes: facts.sections.map((s) => s.code), generation: facts.generation };
}

export function computeFigures(input: FigureInput, basis: CorrectionBasis = 'TOTAL'): FigureValue[] {
  return [...linearFigures(basis, input.generation).map((figure) => computeLinear(figure, input.cell)), reportCompleteness(input)];
}

export function computeFigure(name: FigureName, input: FigureInput, basis: CorrectionBasis = 'TOTAL'): FigureValue {
  if (name === 'reportCompleteness') return reportCompleteness(input);
  return computeLinear(linearFigures(basis, input.generation).find((f) => f.name === name)!, input.cell);
}

function computeLinear(figure: LinearFigure, cell: CellLookup): FigureValue {
  const unread = [...figure.numerator, ...(figure.denominator ?? [])].map((t) => t.address).filter((a) => numberAt(cell, a) === undefined);
  if (unread.length > 0) {
    return { name: figure.name, value: null, numerator: null, denominator: null, reason: `input missing: ${[...new Set(unread)].map((a) => describeUnread(cell, a)).join(', ')}` };
  }
  const numerator = sum(figure.numerator, cell);
  if (!figure.denominator) return { name: figure.name, value: numerator, numerator, denominator: null, reason: null };
  const denominator = sum(figure.denominator, cell);
  if (denominator === 0) {
    return { name: figure.name, value: null, numerator, denominator, reason: `denominator ${describeTerms(figure.denominator)} is 0` };
  }
  return { name: figure.name, value: numerator / denominator, numerator, denominator, reason: null };
}

/** Share of the six parts and of the template's cells that the report has (a cell counts unless MISSING). */
function reportCompleteness(input: FigureInput): FigureValue {
  const cells = templateCells(input.generation).map(cellAddress);
  const partsPresent = PARTS.filter((part) => input.partCodes.includes(part.code)).length;
  const cellsPresent = cells.filter((address) => (input.cell(address)?.status ?? 'MISSING') !== 'MISSING').length;
  const numerator = partsPresent + cellsPresent;
  const denominator = PARTS.length + cells.length;
  return { name: 'reportCompleteness', value: numerator / denominator, numerator, denominator, reason: null };
}

function sum(terms: Term[], cell: CellLookup): number {
  return terms.reduce((acc, term) => acc + term.coefficient * numberAt(cell, term.address)!, 0);
}
