import { createHash } from 'node:crypto';
import { T3_BLOCK_HEADINGS, T3_COLLAPSIBLE_BLOCKS } from '../template/t3.template';
import { T4_TEMPLATE } from '../template/t4.template';
import { ALL_CELL_ADDRESSES, cellAddress, tablesOf, templateCells } from '../template/tables.template';
import type { ColumnTemplate, RowTemplate, TableTemplate } from '../template/template.types';
import { FIGURE_MEANINGS, FIGURE_NAMES, isRateFigure, linearFigures, type CorrectionBasis, type FigureName, type Term } from './figure-definitions';
import { figureFormula, formulaUnder } from './figure-formulas';
import { FIGURE_CAVEATS, FIGURE_NAMES_ZH } from './metric-names.data';

export type MetricKind = 'FIGURE' | 'CELL';
export type MetricGeneration = 'G3' | 'G2';
/** 件 for counts, 万元 for amounts the template prints in 万元, 未注明 for an amount whose unit the template does not print, ratio for rates. */
export type MetricUnit = '件' | '万元' | '未注明' | 'ratio';

/** A figure's terms under one generation's layout and one correction basis. */
export interface MetricVariant {
  generation: MetricGeneration;
  basis: CorrectionBasis;
  numerator: Term[];
  denominator: Term[] | null;
  formula: string;
}

export interface Metric {
  key: string;
  kind: MetricKind;
  nameZh: string;
  description: string;
  /** The G3 layout's terms under the TOTAL basis; `variants` gives every generation and basis. */
  numerator: Term[];
  denominator: Term[] | null;
  variants: MetricVariant[];
  formula: string;
  unit: MetricUnit;
  isRate: boolean;
  generations: MetricGeneration[];
  nullWhen: string;
  caveats: string[];
}

const GENERATIONS: readonly MetricGeneration[] = ['G3', 'G2'];
const BASES: readonly CorrectionBasis[] = ['TOTAL', 'DECIDED'];
const LAYOUTS: Record<MetricGeneration, string> = { G3: 'G3 (2021 template)', G2: 'G2 (2019 template)' };
const PENDING_LABEL = T4_TEMPLATE.columns.find((column) => column.code === 'pending')!.label;
const NULL_CELL = 'null, never 0, when the report leaves the cell BLANK, marks it NA (/, —, 无) or it is MISSING; the reason says which';

function figureMetric(name: FigureName): Metric {
  const variants = name === 'reportCompleteness' ? [] : GENERATIONS.flatMap((generation) => BASES.map((basis) => figureVariant(name, generation, basis)));
  const standard = variants[0];
  const under = (generation: MetricGeneration, basis: CorrectionBasis) => variants.find((v) => v.generation === generation && v.basis === basis)!.formula;
  const caveats = [
    ...(variants.some((v) => v.formula !== under(v.generation, 'TOTAL'))
      ? [`Depends on the basis argument: TOTAL divides by all cases, DECIDED by cases decided (total − ${PENDING_LABEL}, pending); under DECIDED it is null when a pending cell is not a number.`]
      : []),
    ...(variants.some((v) => v.formula !== under('G3', v.basis))
      ? [`On G2 (2019 template) reports it is ${under('G2', 'TOTAL')}: G2 prints ${T3_COLLAPSIBLE_BLOCKS.map((b) => T3_BLOCK_HEADINGS[b.code]).join(', ')} as one row.`]
      : []),
    ...(isRateFigure(name) && name !== 'reportCompleteness' ? ['Over many reports, rank orders groups by the pooled rate (Σnumerator ÷ Σdenominator, so large agencies weigh more); aggregate gives it as pooled, beside mean, the unweighted mean of the reports\' rates.'] : []),
    ...FIGURE_CAVEATS[name],
  ];
  return {
    key: name,
    kind: 'FIGURE',
    nameZh: FIGURE_NAMES_ZH[name],
    description: FIGURE_MEANINGS[name],
    numerator: standard?.numerator ?? [],
    denominator: standard ? standard.denominator : null,
    variants,
    formula: figureFormula(name),
    unit: isRateFigure(name) ? 'ratio' : '件',
    isRate: isRateFigure(name),
    generations: name === 'reportCompleteness' ? [...GENERATIONS] : GENERATIONS.filter((generation) => inputsExist(name, generation)),
    nullWhen: name === 'reportCompleteness' ? 'never null' : `null when an input cell is not a number${standard?.denominator ? ' or the denominator is 0' : ''}`,
    caveats,
  };
}

function figureVariant(name: FigureName, generation: MetricGeneration, basis: CorrectionBasis): MetricVariant {
  const figure = linearFigures(basis, generation).find((f) => f.name === name)!;
  return { generation, basis, numerator: figure.numerator, denominator: figure.denominator ?? null, formula: formulaUnder(name, basis, generation) };
}

/** Whether every cell a figure reads, under either basis, is one the generation's template has. */
function inputsExist(name: FigureName, generation: MetricGeneration): boolean {
  const cells = new Set(templateCells(generation).map(cellAddress));
  return BASES.every((basis) => {
    const figure = linearFigures(basis, generation).find((f) => f.name === name)!;
    return [...figure.numerator, ...(figure.denominator ?? [])].every((term) => cells.has(term.address));
  });
}

interface CellPlace {
  table: TableTemplate;
  row: RowTemplate;
  column: ColumnTemplate;
}

/** Where a generation's template puts a cell, or undefined when it has no such cell. */
function placeOf(address: string, generation: MetricGeneration): CellPlace | undefined {
  const [tableCode, rowCode, columnCode] = address.split('/');
  const table = tablesOf(generation).find((t) => t.code === tableCode);
  const row = table?.rows.find((r) => r.code === rowCode);
  const column = table?.columns.find((c) => c.code === columnCode);
  if (!table || !row || !column || !(row.columns ?? table.columns.map((c) => c.code)).includes(column.code)) return undefined;
  return { table, row, column };
}

/** The row and column labels as the template prints them, a t3 row under its block's heading (（三）不予公开 1.属于国家秘密：总计). */
function cellName({ table, row, column }: CellPlace): string {
  const block = table.code === 't3' && row.code.includes('.') ? T3_BLOCK_HEADINGS[row.code.split('.')[0]!] : undefined;
  return `${block ? `${block} ` : ''}${row.label}：${column.label}`;
}

function cellUnit(column: ColumnTemplate): MetricUnit {
  return column.unit ?? (column.decimal ? '未注明' : '件');
}

function cellMetric(address: string): Metric {
  const generations = GENERATIONS.filter((generation) => placeOf(address, generation));
  const place = placeOf(address, generations[0]!)!;
  const { table, row, column } = place;
  const unit = cellUnit(column);
  const kind = unit === '万元' ? 'an amount in 万元, every written digit kept' : unit === '未注明' ? 'an amount, in a unit the template does not print' : column.signed ? 'a change in 件 that may be negative' : 'a count in 件';
  const caveats: string[] = [];
  const other = generations.length === 1 ? GENERATIONS.find((g) => g !== generations[0])! : undefined;
  if (other) caveats.push(`Only ${LAYOUTS[generations[0]!]} reports have this cell: null on ${LAYOUTS[other]} reports.`);
  const block = T3_COLLAPSIBLE_BLOCKS.find((b) => table.code === 't3' && b.rows.includes(row.code));
  if (block) caveats.push(`G2 reports print ${T3_BLOCK_HEADINGS[block.code]} as one row, ${table.code}/${block.code}/${column.code}, the sum of this block's rows.`);
  const collapsed = T3_COLLAPSIBLE_BLOCKS.find((b) => table.code === 't3' && b.code === row.code);
  if (collapsed) caveats.push(`G3 reports print this row as ${collapsed.rows.length} rows: ${collapsed.rows.map((r) => `${table.code}/${r}/${column.code}`).join(' + ')}.`);
  for (const generation of generations.slice(1)) {
    const printed = cellName(placeOf(address, generation)!);
    if (printed !== cellName(place)) caveats.push(`${LAYOUTS[generation]} reports print it as ${printed}.`);
  }
  if (unit === '未注明') caveats.push('The template prints no unit for this amount: read the unit in the report before comparing amounts across reports.');
  if (column.signed) caveats.push('A change against the year before: negative when the count fell.');
  return {
    key: address,
    kind: 'CELL',
    nameZh: cellName(place),
    description: `Cell of table ${table.code} (${table.title}), row \`${row.code}\` (${row.label}), column \`${column.code}\` (${column.label}): ${kind}`,
    numerator: [{ address, coefficient: 1 }],
    denominator: null,
    variants: [],
    formula: address,
    unit,
    isRate: false,
    generations,
    nullWhen: NULL_CELL,
    caveats,
  };
}

/** Every measure: the figures, then every template cell address of either generation, in template order. */
export const METRICS: readonly Metric[] = [...FIGURE_NAMES.map(figureMetric), ...[...ALL_CELL_ADDRESSES].map(cellMetric)];

const BY_KEY = new Map(METRICS.map((metric) => [metric.key, metric]));

/** The metric of a key parseMeasure accepts (every figure name and cell address has one). */
export function metricOf(key: string): Metric {
  const metric = BY_KEY.get(key);
  if (!metric) throw new Error(`no metric ${key}`);
  return metric;
}

/** A short hash of the dictionary's content: it changes when any definition, name, unit or caveat changes. */
export function dictionaryVersion(metrics: readonly Metric[]): string {
  return createHash('sha256').update(JSON.stringify(metrics)).digest('hex').slice(0, 12);
}

export const METRICS_VERSION = dictionaryVersion(METRICS);

/** A figure in words, with its formula and when it is null: the schema's description of its field. */
export function figureDescription(name: FigureName): string {
  const metric = metricOf(name);
  return `${metric.description} = ${metric.formula}; ${metric.nullWhen}`;
}
