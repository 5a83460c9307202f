import { MultiBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { open, stat } from 'node:fs/promises';
import { MAX_INPUT_BYTES } from '../ingest/decode-input';
import { IngestError } from '../ingest/ingest-error';
import { ingestReport, type IngestResult } from '../ingest/ingest-report';
import { collectFiles } from './collect-files';
import { withDatabase } from './open-database';
import { parseYear } from './option-parsers';

interface IngestOptions {
  db?: string;
  agency?: string;
  year?: number;
  warnings?: boolean;
}

export function registerIngestCommand(program: Command): void {
  program
    .command('ingest')
    .description('read report files (or folders of .txt reports) into the database')
    .argument('<paths...>', 'report files or folders')
    .option('--db <path>', 'SQLite file (default: $NIANBAO_DB or data/nianbao.sqlite)')
    .option('--agency <name>', 'agency name, instead of the one printed in the title')
    .option('--year <n>', 'report year, instead of the one printed in the title', parseYear)
    .option('--warnings', 'list each parse warning under its file')
    .action(async (paths: string[], options: IngestOptions) => {
      process.exitCode = (await ingestPaths(paths, options)) ? 0 : 1;
    });
}

/** Ingests every file; returns false when any was refused (the others are still stored). */
async function ingestPaths(paths: string[], options: IngestOptions): Promise<boolean> {
  const files = await collectFiles(paths);
  const counts = { stored: 0, replaced: 0, unchanged: 0, refused: 0 };
  const bars = process.stderr.isTTY ? new MultiBar({ format: ' {bar} {value}/{total} {file}', hideCursor: true }, Presets.shades_classic) : undefined;
  const bar = bars?.create(files.length, 0, { file: '' });
  const say = (line: string) => (bars ? bars.log(`${line}\n`) : process.stdout.write(`${line}\n`));
  await withDatabase(options.db, async (dataSource) => {
    for (const file of files) {
      bar?.update({ file: file.path });
      try {
        if (file.problem) throw new IngestError('UNREADABLE', file.problem);
        const result = await ingestReport(dataSource, { bytes: await readBounded(file.path), fileName: file.path, agencyName: options.agency, year: options.year });
        counts[result.outcome] += 1;
        say(summaryLine(file.path, result));
        if (options.warnings) for (const w of result.report.warnings) say(`    warning ${w.code}: ${w.message}`);
      } catch (error) {
        if (!(error instanceof IngestError)) throw error;
        counts.refused += 1;
        say(`refused   ${file.path}: ${error.message}`);
      }
      bar?.increment();
    }
  });
  bars?.stop();
  process.stdout.write(
    `${files.length} file(s): ${counts.stored} stored, ${counts.replaced} replaced, ${counts.unchanged} unchanged, ${counts.refused} refused\n`,
  );
  return counts.refused === 0;
}

function summaryLine(path: string, result: IngestResult): string {
  const { report } = result;
  const warnings = report.warnings.length === 1 ? '1 warning' : `${report.warnings.length} warnings`;
  return `${result.outcome.padEnd(9)} ${path}: ${report.agencyName} ${report.year} ${report.generation}, ${report.sections.length} parts, ${report.cells.length} cells, ${warnings} (report ${result.reportId})`;
}

/** Reads a file, refusing one over the size limit before reading it. */
async function readBounded(path: string): Promise<Buffer> {
  const info = await stat(path);
  if (!info.isFile()) throw new IngestError('UNREADABLE', 'not a regular file');
  if (info.size > MAX_INPUT_BYTES) throw new IngestError('TOO_LARGE', `file is ${info.size} bytes, over the ${MAX_INPUT_BYTES}-byte limit`);
  const handle = await open(path, 'r');
  try {
    return await handle.readFile();
  } catch (error) {
    throw new IngestError('UNREADABLE', (error as Error).message);
  } finally {
    await handle.close();
  }
}
