import type { Command } from 'commander';
import { countItems } from '../schema/history.types';
import { itemsOf, latestBatches } from '../services/ingest-batch.service';
import { parseId } from '../services/report-filter';
import { rollbackBatch } from '../services/version-activation.service';
import { cliActor } from './cli-actor';
import { withDatabase } from './open-database';
import { positiveInteger } from './option-parsers';

export function registerBatchesCommand(program: Command): void {
  program
    .command('batches')
    .description('list ingest runs and activations, newest first, with what each file did')
    .option('--first <n>', 'how many (default 20, at most 100)', positiveInteger, 20)
    .option('--db <path>', 'SQLite file (default: $NIANBAO_DB or data/nianbao.sqlite)')
    .action(async (options: { first: number; db?: string }) => {
      await withDatabase(options.db, async (dataSource) => {
        for (const batch of await latestBatches(dataSource.manager, Math.min(options.first, 100))) {
          const items = await itemsOf(dataSource.manager, batch.id);
          const counts = Object.entries(countItems(items)).filter(([, n]) => n > 0).map(([outcome, n]) => `${n} ${outcome}`).join(', ');
          const rolledBack = batch.rolledBackAt ? `, rolled back ${batch.rolledBackAt.slice(0, 19)} by ${batch.rolledBackBy}` : '';
          process.stdout.write(`batch ${batch.id} ${batch.kind} ${batch.startedAt.toISOString().slice(0, 19)} by ${batch.actor ?? '-'}: ${counts || 'no files'}${rolledBack}; ${batch.reason ?? batch.source}\n`);
          for (const item of items) process.stdout.write(`  ${item.outcome.padEnd(9)} ${item.path}${item.reason ? `: ${item.reason}` : ''}\n`);
        }
      });
    });
  program
    .command('rollback')
    .description('make current again what was current before a batch, for every report it changed (its versions stay)')
    .argument('<batch>', 'the batch id (see nianbao batches)')
    .option('--by <name>', 'who to record as rolling back (default: your user name)')
    .option('--db <path>', 'SQLite file (default: $NIANBAO_DB or data/nianbao.sqlite)')
    .action(async (id: string, options: { by?: string; db?: string }) => {
      const batch = await withDatabase(options.db, (dataSource) => rollbackBatch(dataSource, parseId(id, 'batch'), cliActor(options.by)));
      process.stdout.write(`rolled back batch ${batch.id}: what was current before it is current again\n`);
    });
}
