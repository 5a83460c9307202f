import 'reflect-metadata';
import { Command } from 'commander';
import { closePdfBrowser } from '../documents/print-pdf';
import { ChromiumUnavailableError } from '../errors/chromium-unavailable-error';
import { registerAgenciesCommand } from './agencies.command';
import { registerBatchesCommand } from './batches.command';
import { registerCorrectCommand } from './correct.command';
import { registerExportCommand } from './export.command';
import { registerGenerateCommand } from './generate.command';
import { registerIngestCommand } from './ingest.command';
import { registerMetricsCommand } from './metrics.command';
import { registerOverviewCommand } from './overview.command';
import { packageManifest } from './package-manifest';
import { registerProfileCommand } from './profile.command';
import { registerQueryCommand } from './query.command';
import { registerSchemaCommand } from './schema.command';
import { registerServeCommand } from './serve.command';
import { registerVersionsCommand } from './versions.command';

export function buildProgram(): Command {
  const program = new Command('nianbao')
    .description('Nianbao: government information-disclosure annual reports, read exactly')
    .version(packageManifest().version, '-V, --version', "print Nianbao's version")
    .showHelpAfterError();
  registerIngestCommand(program);
  registerExportCommand(program);
  registerQueryCommand(program);
  registerServeCommand(program);
  registerSchemaCommand(program);
  registerAgenciesCommand(program);
  registerGenerateCommand(program);
  registerCorrectCommand(program);
  registerVersionsCommand(program);
  registerBatchesCommand(program);
  registerMetricsCommand(program);
  registerOverviewCommand(program);
  registerProfileCommand(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    process.stderr.write(`nianbao: ${(error as Error).message}\n`);
    process.exitCode = error instanceof ChromiumUnavailableError ? 1 : 2;
  } finally {
    // A PDF leaves Chromium running for the next one; the command is done, so is Chromium.
    await closePdfBrowser();
  }
}
