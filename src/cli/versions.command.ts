import type { Command } from 'commander';
import { historyOf } from '../services/report-history.service';
import { withDatabase } from './open-database';
import { parseYear } from './option-parsers';

export function registerVersionsCommand(program: Command): void {
  program
    .command('versions')
    .description('list every version of an agency\'s report for a year, newest first; * marks the current one')
    .requiredOption('--agency <name>', 'the agency, by any of its names (name, full name, short name)')
    .requiredOption('--year <n>', 'the report year', parseYear)
    .option('--db <path>', 'SQLite file (default: $NIANBAO_DB or data/nianbao.sqlite)')
    .action(async (options: { agency: string; year: number; db?: string }) => {
      const lines = await withDatabase(options.db, async (dataSource) => {
        const { versions, currentVersionId } = await historyOf(dataSource.manager, options.agency, options.year);
        return versions.map((v) =>
          [
            `${v.id === currentVersionId ? '*' : ' '} ${String(v.id).padStart(5)}`,
            v.kind.padEnd(9),
            v.createdAt.toISOString().slice(0, 19),
            (v.createdBy ?? '-').padEnd(12),
            `${v.cellsRead}/${v.cellsTotal} cells`.padEnd(15),
            `${v.parts} parts`,
            `${v.changed.length} changed`.padEnd(11),
            v.reason ?? v.sourceFile ?? '',
          ].join('  '),
        );
      });
      process.stdout.write(`  version  kind       created              by            cells            parts    changed      reason or source\n${lines.join('\n')}\n`);
    });
}
