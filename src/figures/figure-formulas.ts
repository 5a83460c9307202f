import { PARTS } from '../template/parts.template';
import { templateCells } from '../template/tables.template';
import type { Generation } from '../template/template.types';
import { linearFigures, type CorrectionBasis, type FigureName, type Term } from './figure-definitions';

/** `t3/new/total − t3/new/naturalPerson`: the terms of a sum, as a person writes them. */
export function describeTerms(terms: Term[]): string {
  return terms.map((t, i) => `${i === 0 ? (t.coefficient < 0 ? '−' : '') : t.coefficient < 0 ? ' − ' : ' + '}${t.address}`).join('');
}

const grouped = (terms: Term[]) => (terms.length > 1 ? `(${describeTerms(terms)})` : describeTerms(terms));

/** A figure's formula over cell addresses under one basis and generation, e.g. `(t3/granted/total + t3/partiallyGranted/total) ÷ t3/resultsTotal/total`. */
export function formulaUnder(name: FigureName, basis: CorrectionBasis, generation: Generation): string {
  if (name === 'reportCompleteness') {
    const cells = (['G3', 'G2'] as const).map((generation) => `${generation}: ${templateCells(generation).length}`).join(', ');
    return `(parts found + template cells not MISSING) ÷ (${PARTS.length} + template cells of the report's generation, ${cells}, UNRECOGNISED: 0)`;
  }
  const figure = linearFigures(basis, generation).find((f) => f.name === name)!;
  return figure.denominator ? `${grouped(figure.numerator)} ÷ ${grouped(figure.denominator)}` : describeTerms(figure.numerator);
}

function formulaOf(name: FigureName, generation: Generation): string {
  const total = formulaUnder(name, 'TOTAL', generation);
  const decided = formulaUnder(name, 'DECIDED', generation);
  return total === decided ? total : `TOTAL: ${total}; DECIDED: ${decided}`;
}

/** A figure's formula; where it depends on the correction basis or on the layout's generation, each variant, named. */
export function figureFormula(name: FigureName): string {
  const g3 = formulaOf(name, 'G3');
  const g2 = formulaOf(name, 'G2');
  return g3 === g2 ? g3 : `on G3 reports ${g3}; on G2 reports ${g2}`;
}
