import type { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import { printPdf, startPdfBrowser } from '../documents/print-pdf';
import { DocumentQueryError } from '../documents/run-document-query';
import { buildOverview, OverviewScopeNotFound, renderOverviewHtml } from '../documents/supervisor-overview';
import { renderOverviewCsv } from '../documents/supervisor-overview-csv';
import type { OverviewScope } from '../documents/supervisor-overview-query';
import { buildGatewaySchema } from '../schema/build-schema';
import { readRowId } from '../schema/argument-limits';
import { createContext } from '../server/context';
import { findAgencyNamed } from '../services/agency-names.service';
import { withDatabase } from './open-database';
import { parseChoice, parseYear } from './option-parsers';

const OVERVIEW_FORMATS = ['html', 'pdf', 'csv'] as const;

interface OverviewOptions {
  region?: string;
  parent?: string;
  year: number;
  measure: string;
  format: (typeof OVERVIEW_FORMATS)[number];
  out?: string;
  db?: string;
}

/** A mistake in the command's arguments: said on stderr, exit 1. */
class OverviewUsageError extends Error {}

export function registerOverviewCommand(program: Command): void {
  program
    .command('overview')
    .description("a supervisor's list (主管部门对标清单) for one year: every agency in a region or under an agency, its key figures and ranks, a measure's spread as a chart, the reports failing checks by family, the missing reports")
    .option('--region <path>', 'the agencies of a region and the regions in it, e.g. 河南省/驻马店市')
    .option('--parent <agency>', 'an agency (id or name) and every agency under it')
    .requiredOption('--year <n>', 'report year', parseYear)
    .option('--measure <m>', 'the figure name or cell address whose spread is drawn', 'completionRate')
    .option('--format <format>', OVERVIEW_FORMATS.join(', '), parseChoice(OVERVIEW_FORMATS), 'html')
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--db <path>', 'SQLite file (default: $NIANBAO_DB or data/nianbao.sqlite)')
    .action(async (options: OverviewOptions) => {
      try {
        await overview(options);
      } catch (error) {
        if (!(error instanceof OverviewUsageError || error instanceof DocumentQueryError || error instanceof OverviewScopeNotFound)) throw error;
        process.stderr.write(`nianbao: ${error.message}\n`);
        process.exitCode = 1;
      }
    });
}

async function overview(options: OverviewOptions): Promise<void> {
  if ((options.region === undefined) === (options.parent === undefined)) throw new OverviewUsageError('overview: give exactly one of --region <path> and --parent <agency>');
  if (options.format === 'pdf') startPdfBrowser();
  const schema = await buildGatewaySchema();
  const output = await withDatabase(options.db, async (dataSource) => {
    const scope: OverviewScope = options.region !== undefined ? { region: options.region } : { parent: await parentId(dataSource.manager, options.parent!) };
    const built = await buildOverview(schema, () => createContext(dataSource), { scope, year: options.year, measure: options.measure });
    if (options.format === 'csv') return renderOverviewCsv(built);
    const html = renderOverviewHtml(built);
    return options.format === 'pdf' ? printPdf(html) : html;
  });
  if (options.out) await writeFile(options.out, output);
  else process.stdout.write(output);
}

/** --parent as an id, or as a name agency(name) would find. */
async function parentId(manager: Parameters<typeof findAgencyNamed>[0], parent: string): Promise<string> {
  if (readRowId(parent) !== undefined) return parent;
  const agency = await findAgencyNamed(manager, parent, 'parent').catch((error: Error) => {
    throw new OverviewUsageError(`--parent: ${error.message}`);
  });
  if (!agency) throw new OverviewUsageError(`--parent: no agency named ${parent}`);
  return String(agency.id);
}
