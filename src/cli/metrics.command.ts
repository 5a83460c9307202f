import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { METRICS, METRICS_VERSION, type Metric, type MetricKind } from '../figures/metric-dictionary';
import { termsText } from '../figures/metric-reference';
import { csvOptions } from '../services/csv-output';
import { parseChoice } from './option-parsers';

const FORMATS = ['text', 'csv', 'json'] as const;
const KINDS = ['figure', 'cell'] as const;

/** The columns of `nianbao metrics --format csv`; lists (generations, caveats) joined by `|`. */
export const METRIC_CSV_COLUMNS = ['version', 'key', 'kind', 'nameZh', 'unit', 'isRate', 'generations', 'formula', 'numerator', 'denominator', 'nullWhen', 'description', 'caveats'] as const;

export function registerMetricsCommand(program: Command): void {
  program
    .command('metrics')
    .description('list every measure (figure or template cell) with its Chinese name, unit, formula, generations and caveats, and the dictionary version')
    .option(
      '--format <format>',
      'text: a table, the version on its first line; csv: one row a measure, the version in a column; json: {version, metrics}',
      parseChoice(FORMATS),
      'text',
    )
    .option('--kind <kind>', `only ${KINDS.join(' or ')} measures`, parseChoice(KINDS))
    .action((options: { format: (typeof FORMATS)[number]; kind?: (typeof KINDS)[number] }) => {
      const metrics = options.kind ? METRICS.filter((metric) => metric.kind === (options.kind!.toUpperCase() as MetricKind)) : METRICS;
      process.stdout.write(renderMetrics(metrics, options.format));
    });
}

function renderMetrics(metrics: readonly Metric[], format: (typeof FORMATS)[number]): string {
  if (format === 'json') return `${JSON.stringify({ version: METRICS_VERSION, metrics }, null, 2)}\n`;
  if (format === 'csv') {
    const rows = metrics.map((metric) => ({ ...metric, version: METRICS_VERSION, numerator: termsText(metric.numerator), denominator: termsText(metric.denominator) }));
    return stringify(rows, csvOptions([...METRIC_CSV_COLUMNS]));
  }
  const keyWidth = Math.max(...metrics.map((metric) => metric.key.length));
  const lines = metrics.map((metric) => [metric.key.padEnd(keyWidth), metric.unit.padEnd(5), metric.generations.join('+').padEnd(5), metric.kind === 'FIGURE' ? `${metric.nameZh}  ${metric.formula}` : metric.nameZh].join('  '));
  return `metrics version ${METRICS_VERSION}: ${metrics.length} measures\n${lines.join('\n')}\n`;
}
