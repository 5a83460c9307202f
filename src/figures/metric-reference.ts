import { describeTerms } from './figure-formulas';
import { METRICS, METRICS_VERSION, type Metric } from './metric-dictionary';

const code = (value: string) => `\`${value}\``;
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;

function figureSection(metric: Metric): string[] {
  return [
    `### ${code(metric.key)} — ${metric.nameZh}`,
    '',
    `${metric.description}.`,
    '',
    `- formula: ${metric.formula}`,
    `- unit: ${metric.unit}; generations: ${metric.generations.join(', ')}; ${metric.nullWhen}`,
    ...metric.caveats.map((caveat) => `- ${caveat}`),
    '',
  ];
}

function cellTable(metrics: readonly Metric[]): string[] {
  return [
    row(['key', 'name', 'unit', 'generations', 'caveats']),
    row(['---', '---', '---', '---', '---']),
    ...metrics.map((metric) => row([code(metric.key), metric.nameZh, metric.unit, metric.generations.join(', '), metric.caveats.join(' ')])),
  ];
}

/** docs/metrics.md: every measure of the dictionary, written out from it. */
export function renderMetricReference(): string {
  const figures = METRICS.filter((metric) => metric.kind === 'FIGURE');
  const cells = METRICS.filter((metric) => metric.kind === 'CELL');
  const tables = [...new Set(cells.map((metric) => metric.key.split('/')[0]!))];
  const lines = [
    '# Metrics',
    '',
    '<!-- Generated from src/figures/metric-dictionary.ts by `npm run docs`: edit the definitions, not this file (a test fails while it is stale). -->',
    '',
    `Every measure a \`Measure\` argument takes, as the \`metrics\` query and \`nianbao metrics\` list them: ${figures.length} derived figures and ${cells.length} template cells. Dictionary version \`${METRICS_VERSION}\` (\`metricsVersion\`): it changes whenever a definition does.`,
    '',
    'A figure\'s formula is written over cell addresses (`table/row/column`, see [template-codes.md](template-codes.md)); where it differs by template generation or correction basis, each variant is named. What the figures mean is described in [figures.md](figures.md).',
    '',
    '## Figures',
    '',
    ...figures.flatMap(figureSection),
    '## Cells',
    '',
    `A cell's value is the number the report prints in it: ${cells[0]!.nullWhen}. Counts are in 件; an amount in the unit its column prints.`,
    '',
    ...tables.flatMap((table) => [`### ${table}`, '', ...cellTable(cells.filter((metric) => metric.key.startsWith(`${table}/`))), '']),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}

/** A metric's terms as a person writes them, for a flat table (CSV): empty when there are none. */
export function termsText(terms: Metric['numerator'] | null): string {
  return terms && terms.length > 0 ? describeTerms(terms) : '';
}
