import { MultiBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import type { SourceKind } from '../entities/source-format.types';
import { collectFiles, REPORT_EXTENSIONS } from '../ingest/collect-files';
import { ingestFiles, type FileOutcome } from '../ingest/ingest-files';
import { withDatabase } from './open-database';
import { cliActor } from './cli-actor';
import { parseYear } from './option-parsers';

interface IngestOptions {
  db?: string;
  agency?: string;
  year?: number;
  warnings?: boolean;
  replace?: boolean;
  by?: string;
}

export function registerIngestCommand(program: Command): void {
  program
    .command('ingest')
    .summary('read report files (text, PDF, HTML, Markdown) or folders of them into the database')
    .description(`read reports into the database: text, PDF, HTML or Markdown, the format and encoding told from the bytes; a folder gives its ${[...REPORT_EXTENSIONS].join(' ')} files, recursively`)
    .argument('<paths...>', 'report files (of any name) or folders')
    .option('--db <path>', 'SQLite file (default: $NIANBAO_DB or data/nianbao.sqlite)')
    .option('--agency <name>', 'agency name, instead of the one printed in the title')
    .option('--year <n>', 'report year, instead of the one printed in the title', parseYear)
    .option('--warnings', 'list each parse warning under its file')
    .option('--replace', 'make each new reading current even when it reads fewer cells or parts than the current one')
    .option('--by <name>', 'who to record as making the change (default: your user name)')
    .action(async (paths: string[], options: IngestOptions) => {
      process.exitCode = (await ingestPaths(paths, options)) ? 0 : 1;
    });
}

/** Ingests every file; returns false when none was found, or any was refused or kept (the others are still stored). */
async function ingestPaths(paths: string[], options: IngestOptions): Promise<boolean> {
  const counts = { stored: 0, replaced: 0, unchanged: 0, kept: 0, refused: 0 };
  const files = await collectFiles(paths);
  if (files.length === 0) {
    process.stderr.write(`nianbao: no report files found in ${paths.join(', ')}: a folder gives its ${[...REPORT_EXTENSIONS].join(' ')} files\n`);
    return false;
  }
  const bars = process.stderr.isTTY ? new MultiBar({ format: ' {bar} {value}/{total} {file}', hideCursor: true }, Presets.shades_classic) : undefined;
  const bar = bars?.create(files.length, 0, { file: '' });
  const say = (line: string) => (bars ? bars.log(`${line}\n`) : process.stdout.write(`${line}\n`));
  await withDatabase(options.db, async (dataSource) => {
    for await (const outcome of ingestFiles(dataSource, files, { agencyName: options.agency, year: options.year, actor: cliActor(options.by), makeCurrent: options.replace, source: paths.join(' ') })) {
      if ('refused' in outcome) {
        counts.refused += 1;
        say(`refused   ${outcome.path}: ${outcome.refused.message}`);
      } else {
        counts[outcome.result.outcome] += 1;
        say(summaryLine(outcome));
        for (const c of outcome.result.conflicts) say(`    correction not carried ${c.address}: corrected to ${c.corrected ?? 'no value'}, read ${c.readBefore ?? 'no value'} then, ${c.readNow ?? 'no value'} now (${c.reason})`);
        if (options.warnings) for (const w of outcome.result.report.warnings) say(`    warning ${w.code}: ${w.message}`);
      }
      bar?.increment({ file: outcome.path });
    }
  }, { create: true });
  bars?.stop();
  const total = counts.stored + counts.replaced + counts.unchanged + counts.kept + counts.refused;
  process.stdout.write(`${total} file(s): ${counts.stored} stored, ${counts.replaced} replaced, ${counts.unchanged} unchanged, ${counts.kept} kept, ${counts.refused} refused\n`);
  return counts.refused === 0 && counts.kept === 0;
}

export function summaryLine(outcome: Extract<FileOutcome, { result: unknown }>): string {
  const { report, reportId } = outcome.result;
  const versionId = outcome.result.version.id;
  if (outcome.result.outcome === 'kept') return `kept current ${outcome.path}: ${outcome.result.reason}; --replace to use it (version ${versionId}, report ${reportId})`;
  const warnings = report.warnings.length === 1 ? '1 warning' : `${report.warnings.length} warnings`;
  return `${outcome.result.outcome.padEnd(9)} ${outcome.path}: ${report.agencyName} ${report.year} ${report.generation} from ${sourceWords(outcome.result.source)}, ${report.sections.length} parts, ${report.cells.length} cells, ${warnings} (report ${reportId}, version ${versionId})`;
}

/** A source as the summary prints it: `pdf`, `text/utf-8`, `html/gb18030`. */
function sourceWords({ sourceFormat, sourceEncoding }: SourceKind): string {
  return [sourceFormat.toLowerCase(), sourceEncoding].filter((part) => part !== null).join('/');
}
