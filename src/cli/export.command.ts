import { stringify } from 'csv-stringify';
import type { Command } from 'commander';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { CELL_RECORD_FIELDS, exportCells } from '../services/cell-export.service';
import { withDatabase } from './open-database';
import { parseChoice } from './option-parsers';

const FORMATS = ['csv', 'ndjson'] as const;

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('write every stored cell, one record per cell (tidy), to stdout')
    .option('--format <format>', `${FORMATS.join(' or ')}`, parseChoice(FORMATS), 'csv')
    .option('--db <path>', 'SQLite file (default: $NIANBAO_DB or data/nianbao.sqlite)')
    .action(async (options: { format: (typeof FORMATS)[number]; db?: string }) => {
      await withDatabase(options.db, async (dataSource) => {
        const records = exportCells(dataSource);
        if (options.format === 'ndjson') {
          for await (const record of records) await write(process.stdout, `${JSON.stringify(record)}\n`);
          return;
        }
        const csv = stringify({ header: true, columns: [...CELL_RECORD_FIELDS], cast: { boolean: (v) => String(v) } });
        csv.pipe(process.stdout);
        for await (const record of records) await write(csv, record);
        csv.end();
        await once(csv, 'end');
      });
    });
}

/** Writes with back-pressure, so a slow reader keeps memory bounded. */
async function write(stream: Writable, chunk: unknown): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}
