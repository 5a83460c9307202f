import type { Command } from 'commander';
import pino from 'pino';
import { openDatabase } from '../database/data-source';
import { describeTarget, resolveDatabaseTarget } from '../database/database-target';
import { Report } from '../entities/report.entity';
import { ingestFiles } from '../ingest/ingest-files';
import { startGateway } from '../server/create-gateway';
import { settingsFromEnvironment } from '../server/gateway-settings';
import { parsePort } from './option-parsers';

interface ServeOptions {
  db?: string;
  port: number;
  host: string;
  load?: string[];
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve GraphQL at /graphql, the IDE at /, health at /healthz')
    .option('--db <path>', 'SQLite file (default: $NIANBAO_DB or data/nianbao.sqlite)')
    .option('--port <n>', 'port to listen on (or set $PORT)', parsePort, Number(process.env.PORT ?? 4000))
    .option('--host <address>', 'address to listen on (or set $HOST)', process.env.HOST ?? '127.0.0.1')
    .option('--load <paths...>', 'report files or folders to ingest when the database holds no report yet')
    .action(serve);
}

async function serve(options: ServeOptions): Promise<void> {
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'info', redact: ['req.headers.authorization', 'req.headers.cookie'] });
  const settings = settingsFromEnvironment(process.env);
  const target = resolveDatabaseTarget(options.db);
  const dataSource = await openDatabase(target, { statementTimeoutMs: settings.limits.timeoutMs });
  if (options.load && (await dataSource.getRepository(Report).count()) === 0) {
    for await (const outcome of ingestFiles(dataSource, options.load)) {
      if ('refused' in outcome) logger.warn({ file: outcome.path, reason: outcome.refused.message }, 'sample report refused');
      else logger.info({ file: outcome.path, reportId: outcome.result.reportId, outcome: outcome.result.outcome }, 'sample report loaded');
    }
  }
  const gateway = await startGateway({ dataSource, logger, port: options.port, host: options.host, settings });
  logger.info({ url: gateway.url, database: describeTarget(target) }, 'gateway listening');
  process.stdout.write(`Nianbao gateway at ${gateway.url}/ (IDE), ${gateway.url}/graphql (GraphQL), ${gateway.url}/healthz\n`);
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await gateway.close();
    await dataSource.destroy();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}
