import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { AGENCY_CSV_COLUMNS, AgencyImportError, importAgencies } from '../services/agency-import.service';
import { withDatabase } from './open-database';

export function registerAgenciesCommand(program: Command): void {
  const agencies = program.command('agencies').description('agency metadata');
  agencies
    .command('import')
    .description(`create or update agencies from a CSV with the columns ${AGENCY_CSV_COLUMNS.join(', ')} (only name is required; parent names another agency)`)
    .argument('<csv>', 'UTF-8 CSV file with a header row')
    .option('--db <path>', 'SQLite file (default: $NIANBAO_DB or data/nianbao.sqlite)')
    .action(async (file: string, options: { db?: string }) => {
      const csv = await readFile(file, 'utf8').catch((error: Error) => {
        throw new AgencyImportError(`${file}: ${error.message}`);
      });
      const result = await withDatabase(options.db, (dataSource) => importAgencies(dataSource, csv, file)).catch((error: unknown) => {
        if (error instanceof AgencyImportError) {
          process.stderr.write(`nianbao: ${error.message}; nothing was imported\n`);
          process.exitCode = 1;
          return undefined;
        }
        throw error;
      });
      if (result) process.stdout.write(`${file}: ${result.created} agencies created, ${result.updated} updated\n`);
    });
}
