import { stringify } from 'csv-stringify';
import type { Command } from 'commander';
import { once } from 'node:events';
import { write } from '../extract/write-json';
import { CELL_RECORD_FIELDS, exportCells, exportVersionCells } from '../services/cell-export.service';
import { csvOptions } from '../services/csv-output';
import { withDatabase } from './open-database';
import { parseChoice, parseYear } from './option-parsers';
import { InvalidArgumentError } from 'commander';
import { TABLES } from '../template/tables.template';

const FORMATS = ['csv', 'ndjson'] as const;
const VERSIONS = ['current', 'all'] as const;

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('write every stored cell, one record per cell (tidy), to stdout')
    .option('--format <format>', `${FORMATS.join(' or ')}`, parseChoice(FORMATS), 'csv')
    .option('--years <years>', 'only these years: 2021,2023 or 2021-2023', parseYears)
    .option('--agency <name>', 'only this agency, by any of its names (name, full name, short name); repeat for more', (name: string, names: string[]) => [...names, name], [])
    .option('--tables <tables>', 'only these tables: t2,t3,t4', parseTables)
    .option('--versions <which>', `${VERSIONS.join(' or ')}: the current version of each report, or every version`, parseChoice(VERSIONS), 'current')
    .option('--db <path>', 'SQLite file (default: $NIANBAO_DB or data/nianbao.sqlite)')
    .action(async (options: { format: (typeof FORMATS)[number]; versions: (typeof VERSIONS)[number]; db?: string; years?: number[]; agency: string[]; tables?: string[] }) => {
      const written = await withDatabase(options.db, async (dataSource) => {
        const filter = { years: options.years, agencies: options.agency, tables: options.tables };
        const records = options.versions === 'all' ? exportVersionCells(dataSource.manager, filter) : exportCells(dataSource.manager, filter);
        let count = 0;
        if (options.format === 'ndjson') {
          for await (const record of records) {
            count += 1;
            await write(process.stdout, `${JSON.stringify(record)}\n`);
          }
          return count;
        }
        const csv = stringify(csvOptions([...CELL_RECORD_FIELDS]));
        csv.pipe(process.stdout);
        for await (const record of records) {
          count += 1;
          await write(csv, record);
        }
        csv.end();
        await once(csv, 'end');
        return count;
      });
      if (written === 0) {
        // Like grep: nothing selected is exit 1, so a misspelt --agency does not pass for an empty corpus.
        process.stderr.write(`nianbao: no cell matched${describeFilter(options) || ' (the database holds no report)'}\n`);
        process.exitCode = 1;
      }
    });
}

function describeFilter(options: { years?: number[]; agency: string[]; tables?: string[] }): string {
  const parts = [...options.agency.map((name) => `--agency ${name}`), options.years ? `--years ${options.years.join(',')}` : '', options.tables ? `--tables ${options.tables.join(',')}` : ''];
  const given = parts.filter((part) => part !== '');
  return given.length > 0 ? `: ${given.join(' ')}` : '';
}

function parseYears(text: string): number[] {
  const range = /^(\d{4})-(\d{4})$/.exec(text);
  if (range) {
    const [from, to] = [parseYear(range[1]!), parseYear(range[2]!)];
    if (from > to) throw new InvalidArgumentError(`"${text}": the range runs backwards`);
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  }
  return text.split(',').map((year) => parseYear(year.trim()));
}

function parseTables(text: string): string[] {
  const tables = text.split(',').map((t) => t.trim());
  const unknown = tables.filter((t) => !TABLES.some((table) => table.code === t));
  if (unknown.length > 0) throw new InvalidArgumentError(`unknown table(s) ${unknown.join(', ')}: the tables are ${TABLES.map((t) => t.code).join(', ')}`);
  return tables;
}
