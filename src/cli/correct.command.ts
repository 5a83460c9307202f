import { InvalidArgumentError, type Command } from 'commander';
import { correctCells, type CellCorrection } from '../services/cell-correction.service';
import { parseId } from '../services/report-filter';
import { cellAddress } from '../template/tables.template';
import { cliActor } from './cli-actor';
import { withDatabase } from './open-database';

interface CorrectOptions {
  report: string;
  set: CellCorrection[];
  reason: string;
  by?: string;
  db?: string;
}

export function registerCorrectCommand(program: Command): void {
  program
    .command('correct')
    .description('set cells of a report by hand, with the reason: a CORRECTED version becomes current')
    .requiredOption('--report <id>', 'the report')
    .requiredOption('--set <address=value>', 'a cell and its value (12, 0) or status (BLANK, NA, MISSING); repeat for more', collectSetting, [])
    .requiredOption('--reason <text>', 'why: kept with the correction')
    .option('--by <name>', 'who to record as making the change (default: your user name)')
    .option('--db <path>', 'SQLite file (default: $NIANBAO_DB or data/nianbao.sqlite)')
    .action(async (options: CorrectOptions) => {
      const reportId = parseId(options.report, '--report');
      const { version } = await withDatabase(options.db, (dataSource) => correctCells(dataSource, { reportId, reason: options.reason, cells: options.set, actor: cliActor(options.by) }));
      const cells = version.content.cells.filter((cell) => version.changed.includes(cellAddress(cell)));
      process.stdout.write(`corrected report ${reportId}: version ${version.id} (CORRECTED) is current\n`);
      for (const cell of cells) process.stdout.write(`  ${cellAddress(cell)}: ${cell.valueBefore ?? cell.statusBefore ?? '-'} → ${cell.value ?? cell.status}\n`);
    });
}

const STATUSES_WITHOUT_VALUE = ['BLANK', 'NA', 'MISSING'] as const;

function collectSetting(text: string, settings: CellCorrection[]): CellCorrection[] {
  const at = text.indexOf('=');
  if (at <= 0) throw new InvalidArgumentError(`"${text}": write address=value, e.g. t3/new/total=12`);
  const [address, given] = [text.slice(0, at).trim(), text.slice(at + 1).trim()];
  const status = STATUSES_WITHOUT_VALUE.find((s) => s === given.toUpperCase());
  if (status) return [...settings, { address, value: null, status }];
  // Any number: the correction says what a cell can hold.
  const value = /^[+-]?[\d,]*\.?\d+$/.test(given) ? Number(given.replace(/,/g, '')) : Number.NaN;
  if (!Number.isFinite(value)) throw new InvalidArgumentError(`"${text}": the value must be a number, or BLANK, NA or MISSING`);
  return [...settings, { address, value }];
}
