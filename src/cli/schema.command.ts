import type { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import { printSchema } from 'graphql';
import { buildGatewaySchema } from '../schema/build-schema';

export function registerSchemaCommand(program: Command): void {
  program
    .command('schema')
    .description('print the GraphQL schema (SDL), or write it to a file')
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (options: { out?: string }) => {
      const sdl = await emitSchema();
      if (options.out) await writeFile(options.out, sdl);
      else process.stdout.write(sdl);
    });
}

export async function emitSchema(): Promise<string> {
  return `${printSchema(await buildGatewaySchema())}\n`;
}
