import type { Command } from 'commander';
import pino from 'pino';
import { openDatabase } from '../database/data-source';
import { describeTarget, resolveDatabaseTarget } from '../database/database-target';
import { Report } from '../entities/report.entity';
import { ingestFiles } from '../ingest/ingest-files';
import { startGateway } from '../server/create-gateway';
import { settingsFromEnvironment } from '../server/gateway-settings';
import { parsePort, portFromEnvironment } from './option-parsers';

interface ServeOptions {
  db?: string;
  port?: number;
  host: string;
  load?: string[];
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve GraphQL at /graphql, the IDE at /, health at /healthz')
    .option('--db <path>', 'SQLite file (default: $NIANBAO_DB or data/nianbao.sqlite)')
    .option('--port <n>', 'port to listen on (default: $PORT or 4000)', parsePort)
    .option('--host <address>', 'address to listen on (or set $HOST)', process.env.HOST ?? '127.0.0.1')
    .option('--load <paths...>', 'report files or folders to ingest when the database holds no report yet')
    .action(serve);
}

async function serve(options: ServeOptions): Promise<void> {
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'info', redact: ['req.headers.authorization', 'req.headers.cookie'] });
  const settings = settingsFromEnvironment(process.env);
  const port = options.port ?? portFromEnvironment(process.env.PORT);
  const target = resolveDatabaseTarget(options.db);
  const dataSource = await openDatabase(target, { statementTimeoutMs: settings.limits.timeoutMs });
  if (options.load && (await dataSource.getRepository(Report).count()) === 0) {
    for await (const outcome of ingestFiles(dataSource, options.load)) {
      if ('refused' in outcome) logger.warn({ file: outcome.path, reason: outcome.refused.message }, 'sample report refused');
      else logger.info({ file: outcome.path, reportId: outcome.result.reportId, outcome: outcome.result.outcome }, 'sample report loaded');
    }
  }
  const gateway = await startGateway({ dataSource, logger, port, host: options.host, settings }).catch(async (error: unknown) => {
    await dataSource.destroy();
    const reason = listenFailure(error as NodeJS.ErrnoException, options.host, port);
    if (!reason) throw error;
    process.stderr.write(`nianbao: ${reason}\n`);
    process.exitCode = 1;
  });
  if (!gateway) return;
  logger.info({ url: gateway.url, database: describeTarget(target) }, 'gateway listening');
  process.stdout.write(`Nianbao gateway at ${gateway.url}/ (IDE), ${gateway.url}/graphql (GraphQL), ${gateway.url}/healthz\n`);
  // Stop listening, let the requests in flight finish, then close the read workers and the database (SQLite folds its WAL back in).
  // A second signal while this runs ends the process at once.
  const shutdown = async (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'shutting down');
    try {
      await gateway.close();
      await dataSource.destroy();
      logger.info('shut down');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void shutdown(signal));
}

/** What a user can do about a port or address the gateway cannot listen on; undefined for any other failure. */
function listenFailure(error: NodeJS.ErrnoException, host: string, port: number): string | undefined {
  if (error.syscall !== 'listen' && error.syscall !== 'getaddrinfo') return undefined;
  if (error.code === 'EADDRINUSE') return `port ${port} is in use on ${host}: stop what listens there, or choose another port with --port or PORT`;
  if (error.code === 'EACCES') return `no permission to listen on port ${port} of ${host}: choose a port above 1023 with --port or PORT`;
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') return `${host} is not an address of this machine: choose another with --host or HOST`;
  return undefined;
}
