import { tablesOf } from '../template/tables.template';
import { T3_TEMPLATE } from '../template/t3.template';
import type { Generation, TableTemplate } from '../template/template.types';

/** The derived figures; `figureFormula` (figure-formulas.ts) writes each one's formula out from the definitions below. */
export const FIGURE_NAMES = [
  'applicationsReceived',
  'applicationsToHandle',
  'completionRate',
  'disclosureRate',
  'fullDisclosureRate',
  'denialRate',
  'unableRate',
  'notProcessedRate',
  'otherRate',
  'carryForwardRate',
  'organizationShare',
  'reviewCorrectionRate',
  'litigationCorrectionRate',
  'disputeRate',
  'reportCompleteness',
] as const;

export type FigureName = (typeof FIGURE_NAMES)[number];

/** What each figure measures, in words; the formula is written out from the definitions. */
export const FIGURE_MEANINGS: Record<FigureName, string> = {
  applicationsReceived: 'Applications received this year (本年新收)',
  applicationsToHandle: 'Applications to handle: received this year plus carried over from last year',
  completionRate: 'Completion rate (办结率): share of the applications to handle that were decided this year',
  disclosureRate: 'Disclosure rate (公开率): share of decided applications granted in full or in part',
  fullDisclosureRate: 'Share of decided applications granted in full (予以公开)',
  denialRate: 'Share of decided applications refused (不予公开)',
  unableRate: 'Share of decided applications whose information could not be provided (无法提供)',
  notProcessedRate: 'Share of decided applications not processed (不予处理)',
  otherRate: 'Share of decided applications handled otherwise (其他处理)',
  carryForwardRate: 'Share of the applications to handle carried into next year (结转下年度)',
  organizationShare: 'Share of new applications from organisations (法人或其他组织) rather than natural persons',
  reviewCorrectionRate: 'Share of administrative reviews (行政复议) whose result was corrected',
  litigationCorrectionRate: 'Share of lawsuits (行政诉讼, direct and after review) whose result was corrected',
  disputeRate: 'Reviews and lawsuits per decided application',
  reportCompleteness: 'Share of the six parts and of the template cells of its generation that the report has',
};

/** Correction rates divide by all cases (TOTAL) or by decided cases only (DECIDED: total − pending). */
export type CorrectionBasis = 'TOTAL' | 'DECIDED';

export interface Term {
  address: string;
  coefficient: number;
}

/** A figure is Σ numerator terms, divided by Σ denominator terms when it is a rate. */
export interface LinearFigure {
  name: FigureName;
  numerator: Term[];
  denominator?: Term[];
}

const plus = (...addresses: string[]): Term[] => addresses.map((address) => ({ address, coefficient: 1 }));
const minus = (...addresses: string[]): Term[] => addresses.map((address) => ({ address, coefficient: -1 }));
const total = (row: string) => `t3/${row}/total`;
/** The totals of a block of t3 (`other`): its rows (`other.noFee`, …), or the block's one row where the layout prints it so (G2). */
const block = (t3: TableTemplate, prefix: string) => t3.rows.filter((r) => r.code === prefix || r.code.startsWith(`${prefix}.`)).map((r) => total(r.code));

/** The t3 a generation's figures read: G3's for a report in no recognised generation (it has no cells, so its figures are null). */
function t3Of(generation: Generation): TableTemplate {
  return tablesOf(generation).find((table) => table.code === 't3') ?? T3_TEMPLATE;
}

const TO_HANDLE = plus(total('new'), total('carriedOver'));
const RESULTS = plus(total('resultsTotal'));
const LITIGATION = ['litigationDirect', 'litigationAfterReview'];

function decided(rows: string[], basis: CorrectionBasis): Term[] {
  const totals = plus(...rows.map((row) => `t4/${row}/total`));
  return basis === 'TOTAL' ? totals : [...totals, ...minus(...rows.map((row) => `t4/${row}/pending`))];
}

/** Whether a figure is a ratio (it pools Σnumerator ÷ Σdenominator) rather than a count. */
export function isRateFigure(name: FigureName): boolean {
  return name === 'reportCompleteness' || linearFigures().some((figure) => figure.name === name && figure.denominator !== undefined);
}

const DEFINED = new Map<string, readonly LinearFigure[]>();

/** Every figure but reportCompleteness, which counts parts and cells present rather than summing cells, as a generation's tables give it. */
export function linearFigures(basis: CorrectionBasis = 'TOTAL', generation: Generation = 'G3'): readonly LinearFigure[] {
  // Figures are computed for every report read: the definitions are made once per basis and generation.
  const key = `${basis}/${generation}`;
  let figures = DEFINED.get(key);
  if (!figures) DEFINED.set(key, (figures = defineLinearFigures(basis, generation)));
  return figures;
}

function defineLinearFigures(basis: CorrectionBasis, generation: Generation): LinearFigure[] {
  const t3 = t3Of(generation);
  return [
    { name: 'applicationsReceived', numerator: plus(total('new')) },
    { name: 'applicationsToHandle', numerator: TO_HANDLE },
    { name: 'completionRate', numerator: RESULTS, denominator: TO_HANDLE },
    { name: 'disclosureRate', numerator: plus(total('granted'), total('partiallyGranted')), denominator: RESULTS },
    { name: 'fullDisclosureRate', numerator: plus(total('granted')), denominator: RESULTS },
    { name: 'denialRate', numerator: plus(...block(t3, 'denied')), denominator: RESULTS },
    { name: 'unableRate', numerator: plus(...block(t3, 'unable')), denominator: RESULTS },
    { name: 'notProcessedRate', numerator: plus(...block(t3, 'notProcessed')), denominator: RESULTS },
    { name: 'otherRate', numerator: plus(...block(t3, 'other')), denominator: RESULTS },
    { name: 'carryForwardRate', numerator: plus(total('carriedForward')), denominator: TO_HANDLE },
    { name: 'organizationShare', numerator: [...plus(total('new')), ...minus('t3/new/naturalPerson')], denominator: plus(total('new')) },
    { name: 'reviewCorrectionRate', numerator: plus('t4/review/corrected'), denominator: decided(['review'], basis) },
    { name: 'litigationCorrectionRate', numerator: plus(...LITIGATION.map((row) => `t4/${row}/corrected`)), denominator: decided(LITIGATION, basis) },
    { name: 'disputeRate', numerator: plus('t4/review/total', ...LITIGATION.map((row) => `t4/${row}/total`)), denominator: RESULTS },
  ];
}
