import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type Request, type Response } from 'express';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { DataSource } from 'typeorm';
import { healthProbe } from '../database/health-probe';
import { closePdfBrowser } from '../documents/print-pdf';
import { SqliteReadPool } from '../database/sqlite-read-pool';
import { ReportAnalysisCache } from '../services/report-analysis';
import { buildGatewaySchema } from '../schema/build-schema';
import { loadCursorKey } from '../services/cursor-key.service';
import { batchCostOf } from './batch-cost';
import { cachePolicyPlugin, noStoreUnlessCacheable } from './cache-policy.plugin';
import { createContext, type GatewayContext, type SharedResources } from './context';
import { servedOperationsRule } from './served-operations.rule';
import { gatewayErrorFormatter } from './format-error';
import { defaultSettings, type GatewaySettings } from './gateway-settings';
import { batchLimit, bodyErrorHandler, corsPolicy, jsonBody } from './http-guards';
import { executionGate } from './execution-gate';
import { queryLimitsPlugin } from './query-limits.plugin';
import { mutationRolesPlugin } from './mutation-roles.plugin';
import { readOnlyPlugin } from './read-only.plugin';
import { unavailableStatusPlugin } from './unavailable-status.plugin';
import { loadExampleQueries } from './example-queries';
import { documentRouter } from './document-routes';
import { extractRouter } from './extract-route';
import { IDE_ASSET_PATH, IDE_ASSETS, ideAssetPath, idePage } from './ide-page';

export interface GatewayOptions {
  dataSource: DataSource;
  logger: Logger;
  port?: number;
  host?: string;
  settings?: GatewaySettings;
}

export interface Gateway {
  url: string;
  server: Server;
  close(): Promise<void>;
}

const GRAPHQL_PATH = '/graphql';

export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const { dataSource, logger } = options;
  const app = express();
  const server = createServer(app);
  // A client gets 20 s to send its headers and 60 s for its whole request, so slow senders cannot hold sockets open.
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  const schema = await buildGatewaySchema();
  const settings = options.settings ?? defaultSettings();
  const { limits } = settings;
  const legacyKeys = settings.apiKeys.filter((key) => key.legacy).map((key) => key.name);
  if (legacyKeys.length > 0) logger.warn(`NIANBAO_API_KEYS: ${legacyKeys.join(', ')} given as a bare key, which counts as admin; this form is deprecated, write name:role:key`);
  await loadCursorKey(dataSource, settings.cursorSecret);
  const pool = readPoolFor(dataSource, settings.readWorkers);
  const shared: SharedResources = { pool, analyses: new ReportAnalysisCache() };
  const apollo = new ApolloServer<GatewayContext>({
    schema,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      cachePolicyPlugin(settings.cacheMaxAge),
      queryLimitsPlugin(limits),
      unavailableStatusPlugin(),
      ...(settings.readOnly ? [readOnlyPlugin()] : []),
      mutationRolesPlugin(),
    ],
    // Apollo's own handlers would stop it and then re-raise the signal, ending the process (exit 143) before the database is closed: the caller stops the gateway.
    stopOnTerminationSignals: false,
    introspection: settings.introspection,
    // Without introspection, "Did you mean …?" hints would still give the schema away.
    hideSchemaDetailsFromClientErrors: !settings.introspection,
    allowBatchedHttpRequests: limits.maxBatch > 1,
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: [servedOperationsRule],
    includeStacktraceInErrorResponses: !settings.production,
    // Compact JSON: Apollo's default indents every response, which costs time and bytes on large pages.
    stringifyResult: (result) => JSON.stringify(result),
    formatError: gatewayErrorFormatter(settings.production, limits.timeoutMs, logger),
  });
  await apollo.start();

  app.disable('x-powered-by');
  app.use(pinoHttp({ logger, autoLogging: { ignore: (req) => req.url?.startsWith(IDE_ASSET_PATH) ?? false } }));
  const health = healthProbe(dataSource);
  app.get('/healthz', async (_req, res) => {
    try {
      await health.check();
      res.json({ status: 'ok' });
    } catch (error) {
      logger.error({ err: error }, 'health check failed');
      res.status(503).json({ status: 'unavailable' });
    }
  });
  const examples = loadExampleQueries();
  app.use(corsPolicy(settings.corsOrigins));
  app.use(extractRouter({ schema, dataSource, shared, timeoutMs: limits.timeoutMs, documents: examples, maxAge: settings.cacheMaxAge, logger }));
  app.use(documentRouter({ schema, dataSource, shared, timeoutMs: limits.timeoutMs, maxAge: settings.cacheMaxAge, logger }));
  app.get('/favicon.ico', (_req, res) => void res.status(204).end());
  if (settings.ide) serveIde(app, idePage(examples, GRAPHQL_PATH));
  const context = async ({ req, res }: { req: Request; res: Response }) => ({
    ...createContext(dataSource, { authorization: req.headers.authorization, apiKeys: settings.apiKeys, timeoutMs: limits.timeoutMs }, shared),
    batchCost: batchCostOf(req, res),
  });
  app.use(GRAPHQL_PATH, noStoreUnlessCacheable, executionGate(settings.maxConcurrent), jsonBody(limits.bodyLimit), bodyErrorHandler, batchLimit(limits.maxBatch), expressMiddleware(apollo, { context }));

  const close = async () => (await apollo.stop(), await health.close(), await pool?.close(), await closePdfBrowser());
  try {
    await listen(server, options.port ?? 4000, options.host ?? '127.0.0.1');
  } catch (error) {
    await close();
    throw error;
  }
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { url: `http://${host}:${address.port}`, server, close };
}

/** Listens, or rejects with Node's error (EADDRINUSE, EACCES…), which would otherwise be an unhandled 'error' event. */
function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** SQLite reads go to worker processes, unless none are wanted or the database is in this process's memory only. */
function readPoolFor(dataSource: DataSource, workers: number): SqliteReadPool | undefined {
  const { type, database } = dataSource.options;
  if (type !== 'better-sqlite3' || workers === 0 || database === ':memory:') return undefined;
  return new SqliteReadPool(String(database), workers);
}

/** The IDE at / and, for a browser, at /graphql, with its assets from node_modules. */
function serveIde(app: Express, page: string): void {
  app.get('/', (_req, res) => void res.type('html').send(page));
  app.get(GRAPHQL_PATH, (req, res, next) => (wantsPage(req) ? void res.type('html').send(page) : next()));
  for (const [file, asset] of Object.entries(IDE_ASSETS)) {
    const path = ideAssetPath(asset);
    app.get(`${IDE_ASSET_PATH}/${file}`, (_req, res) => void res.type(asset.type).sendFile(path, { maxAge: '1d' }));
  }
}

/** A browser asking for /graphql gets the IDE; clients get GraphQL. */
function wantsPage(req: Request): boolean {
  return req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html' && req.query.query === undefined;
}
