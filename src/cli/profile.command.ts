import type { Command } from 'commander';
import { GraphQLError } from 'graphql';
import { writeFile } from 'node:fs/promises';
import { buildAgencyProfile } from '../documents/agency-profile';
import { printPdf, startPdfBrowser } from '../documents/print-pdf';
import { DocumentQueryError } from '../documents/run-document-query';
import { buildGatewaySchema } from '../schema/build-schema';
import { createContext } from '../server/context';
import { cursorSecretFromEnvironment } from '../server/gateway-settings';
import { findAgencyNamed } from '../services/agency-names.service';
import { loadCursorKey } from '../services/cursor-key.service';
import { findReport } from '../services/report-listing.service';
import { withDatabase } from './open-database';
import { parseChoice, parseYear } from './option-parsers';

const PROFILE_FORMATS = ['html', 'pdf'] as const;

interface ProfileOptions {
  agency: string;
  year: number;
  format: (typeof PROFILE_FORMATS)[number];
  out?: string;
  db?: string;
}

/** A request that cannot be answered as asked: said on stderr, exit 1. */
class ProfileRequestError extends Error {}

export function registerProfileCommand(program: Command): void {
  program
    .command('profile')
    .description("write an agency's yearly profile (单位年度画像) for a year: key figures, trends, tables, peers, checks with evidence (HTML, or PDF through Chromium)")
    .requiredOption('--agency <name>', 'the agency, by any of its names (name, full name, short name)')
    .requiredOption('--year <n>', 'the report year', parseYear)
    .option('--format <format>', PROFILE_FORMATS.join(', '), parseChoice(PROFILE_FORMATS), 'html')
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--db <path>', 'SQLite file (default: $NIANBAO_DB or data/nianbao.sqlite)')
    .action(async (options: ProfileOptions) => {
      try {
        await profile(options);
      } catch (error) {
        if (!(error instanceof ProfileRequestError || error instanceof DocumentQueryError || error instanceof GraphQLError)) throw error;
        process.stderr.write(`nianbao: ${error.message}\n`);
        process.exitCode = 1;
      }
    });
}

async function profile(options: ProfileOptions): Promise<void> {
  if (options.format === 'pdf') startPdfBrowser();
  const schema = await buildGatewaySchema();
  const html = await withDatabase(options.db, async (dataSource) => {
    const found = await findReport(dataSource.manager, { agencyName: options.agency, year: options.year });
    if (!found) {
      const agency = await findAgencyNamed(dataSource.manager, options.agency, 'agency');
      throw new ProfileRequestError(agency ? `${agency.name} has no report for ${options.year}` : `--agency: no agency is known as "${options.agency}"`);
    }
    await loadCursorKey(dataSource, cursorSecretFromEnvironment(process.env));
    return buildAgencyProfile({ schema, context: createContext(dataSource), reportId: String(found.report.id) });
  });
  const output = options.format === 'pdf' ? await printPdf(html) : Buffer.from(html, 'utf8');
  if (options.out) await writeFile(options.out, output);
  else process.stdout.write(output);
}
