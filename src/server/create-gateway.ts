import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Request } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { DataSource } from 'typeorm';
import { buildGatewaySchema } from '../schema/build-schema';
import { createContext, type GatewayContext } from './context';
import { loadExampleQueries } from './example-queries';
import { extractRouter } from './extract-route';
import { IDE_ASSET_PATH, IDE_ASSETS, ideAssetPath, idePage } from './ide-page';

export interface GatewayOptions {
  dataSource: DataSource;
  logger: Logger;
  port?: number;
  host?: string;
  /** Production hides internal error messages and stack traces. */
  production?: boolean;
  /** Digests of the keys mutations accept (see parseApiKeys). */
  apiKeys?: Buffer[];
  /** Seconds a CDN or proxy may cache read queries and extracts (default 60). */
  cacheMaxAge?: number;
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
  const schema = await buildGatewaySchema();
  const cacheMaxAge = options.cacheMaxAge ?? 60;
  const apollo = new ApolloServer<GatewayContext>({
    schema,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      ApolloServerPluginLandingPageDisabled(),
      // Every read is cacheable for cacheMaxAge and mutations never are, so no per-field hints are needed:
      // Apollo's cache-control plugin would wrap every field resolver (tens of thousands on a page of cells).
      ApolloServerPluginCacheControlDisabled(),
      {
        async requestDidStart() {
          return {
            async willSendResponse({ operation, response }) {
              const readable = operation?.operation === 'query' && response.body.kind === 'single' && !response.body.singleResult.errors;
              response.http.headers.set('cache-control', readable ? `max-age=${cacheMaxAge}, public` : 'no-store');
            },
          };
        },
      },
    ],
    includeStacktraceInErrorResponses: !options.production,
    // Compact JSON: Apollo's default indents every response, which costs time and bytes on large pages.
    stringifyResult: (result) => JSON.stringify(result),
    formatError: (formatted, error) => maskInternalError(formatted, error, options, logger),
  });
  await apollo.start();

  app.disable('x-powered-by');
  app.use(pinoHttp({ logger, autoLogging: { ignore: (req) => req.url?.startsWith(IDE_ASSET_PATH) ?? false } }));
  app.get('/healthz', async (_req, res) => {
    try {
      await dataSource.query('SELECT 1');
      res.json({ status: 'ok' });
    } catch (error) {
      logger.error({ err: error }, 'health check failed');
      res.status(503).json({ status: 'unavailable' });
    }
  });
  const examples = loadExampleQueries();
  const ide = idePage(examples, GRAPHQL_PATH);
  app.use(extractRouter({ schema, dataSource, documents: examples, maxAge: cacheMaxAge, logger }));
  app.get('/', (_req, res) => void res.type('html').send(ide));
  app.get('/favicon.ico', (_req, res) => void res.status(204).end());
  app.get(GRAPHQL_PATH, (req, res, next) => (wantsPage(req) ? void res.type('html').send(ide) : next()));
  for (const [file, asset] of Object.entries(IDE_ASSETS)) {
    const path = ideAssetPath(asset);
    app.get(`${IDE_ASSET_PATH}/${file}`, (_req, res) => void res.type(asset.type).sendFile(path, { maxAge: '1d' }));
  }
  app.use(GRAPHQL_PATH, express.json({ limit: '1mb' }), expressMiddleware(apollo, { context: async ({ req }) => createContext(dataSource, req.headers.authorization, options.apiKeys ?? []) }));

  await new Promise<void>((resolve) => server.listen(options.port ?? 4000, options.host ?? '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { url: `http://${host}:${address.port}`, server, close: () => apollo.stop() };
}

/** A browser asking for /graphql gets the IDE; clients get GraphQL. */
function wantsPage(req: Request): boolean {
  return req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html' && req.query.query === undefined;
}

/** In production an unexpected error says only that it happened; the log keeps the detail. */
function maskInternalError(formatted: GraphQLFormattedError, error: unknown, options: GatewayOptions, logger: Logger): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (code !== 'INTERNAL_SERVER_ERROR') return formatted;
  logger.error({ err: error }, 'internal error while executing a GraphQL operation');
  if (!options.production) return formatted;
  return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code } };
}
