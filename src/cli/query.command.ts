import type { Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { once } from 'node:events';
import { ExtractError, prepareDocument, readVariables } from '../extract/prepare-document';
import { EXTRACT_FORMATS, runExtract, type ExtractFormat } from '../extract/run-extract';
import { buildGatewaySchema } from '../schema/build-schema';
import { createContext } from '../server/context';
import { cursorSecretFromEnvironment } from '../server/gateway-settings';
import { loadCursorKey } from '../services/cursor-key.service';
import { withDatabase } from './open-database';
import { parseChoice } from './option-parsers';

interface QueryOptions {
  var: Record<string, string>;
  variables?: string;
  operation?: string;
  format: ExtractFormat;
  out?: string;
  bom?: boolean;
  allPages?: boolean;
  db?: string;
}

export function registerQueryCommand(program: Command): void {
  program
    .command('query')
    .description('run a GraphQL document against the database (no server) and write JSON, NDJSON or CSV')
    .argument('<document>', '.graphql file')
    .option('--var <name=value>', 'a variable (repeat for more); String, ID and enum values as text, others as JSON', collectVariable, {})
    .option('--variables <file>', 'variables from a JSON file (--var wins)')
    .option('--operation <name>', 'the operation to run, when the document holds several')
    .option('--format <format>', EXTRACT_FORMATS.join(', '), parseChoice(EXTRACT_FORMATS), 'json')
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--bom', 'start CSV with a UTF-8 byte-order mark (for Excel)')
    .option('--all-pages', 'follow the connection page after page through $after (csv, ndjson: rows of every page; json: one document with every page\'s items)')
    .option('--db <path>', 'SQLite file (default: $NIANBAO_DB or data/nianbao.sqlite)')
    .action(async (file: string, options: QueryOptions) => {
      try {
        await query(file, options);
      } catch (error) {
        if (!(error instanceof ExtractError)) throw error;
        process.stderr.write(`nianbao: ${error.message}\n`);
        process.exitCode = 1;
      }
    });
}

async function query(file: string, options: QueryOptions): Promise<void> {
  const text = await readFile(file, 'utf8').catch((error: Error) => {
    throw new ExtractError(`${file}: ${error.message}`);
  });
  const fromFile = options.variables ? await readVariablesFile(options.variables) : {};
  const schema = await buildGatewaySchema();
  const prepared = prepareDocument(schema, text, file, options.operation);
  const variables = { ...fromFile, ...readVariables(prepared, options.var, file) };
  for (const name of Object.keys(fromFile)) readVariables(prepared, { [name]: '' }, options.variables!);
  const out = options.out ? createWriteStream(options.out) : process.stdout;
  await withDatabase(options.db, async (dataSource) => {
    await loadCursorKey(dataSource, cursorSecretFromEnvironment(process.env));
    return runExtract({ schema, context: () => createContext(dataSource), prepared, variables, format: options.format, out, bom: options.bom, allPages: options.allPages });
  });
  if (out !== process.stdout) {
    out.end();
    await once(out, 'finish');
  }
}

function collectVariable(text: string, previous: Record<string, string>): Record<string, string> {
  const at = text.indexOf('=');
  if (at < 1) throw new ExtractError(`--var ${text}: write name=value`);
  return { ...previous, [text.slice(0, at)]: text.slice(at + 1) };
}

async function readVariablesFile(file: string): Promise<Record<string, unknown>> {
  try {
    const values: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (values && typeof values === 'object' && !Array.isArray(values)) return values as Record<string, unknown>;
  } catch (error) {
    throw new ExtractError(`${file}: ${(error as Error).message}`);
  }
  throw new ExtractError(`${file}: variables must be a JSON object`);
}
