import { createHash } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { ExtractError, prepareDocument, readVariables, type PreparedDocument } from '../extract/prepare-document';
import { isPageable } from '../extract/paging';
import { EXTRACT_FORMATS, runExtract, type ExtractFormat } from '../extract/run-extract';
import { currentDataVersion } from '../services/data-version.service';
import { createContext, type SharedResources } from './context';
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from './database-unavailable';
import type { ExampleQuery } from './example-queries';

const CONTENT_TYPES: Record<ExtractFormat, string> = { csv: 'text/csv; charset=utf-8', ndjson: 'application/x-ndjson; charset=utf-8', json: 'application/json; charset=utf-8' };

export interface ExtractRouteOptions {
  schema: GraphQLSchema;
  dataSource: DataSource;
  /** What the gateway's requests share (the read pool, the analyses). */
  shared: SharedResources;
  /** Each page of an extract runs under the operation time limit, like any GraphQL request. */
  timeoutMs: number;
  documents: ExampleQuery[];
  /** Seconds a CDN or proxy may keep an extract. */
  maxAge: number;
  logger: Logger;
}

/**
 * GET /extract/<name>.csv|.ndjson|.json?var=value runs the named document of
 * queries/ and streams its rows (every page, when the document takes $after;
 * JSON gathers every page's items into one document).
 * The ETag is the database's data version and the URL: unchanged data answers 304.
 */
export function extractRouter(options: ExtractRouteOptions): Router {
  const prepared = new Map<string, PreparedDocument>();
  for (const { name, document } of options.documents) prepared.set(name, prepareDocument(options.schema, document, `queries/${name}.graphql`));
  const router = Router();
  router.get('/extract/:file', async (req: Request<{ file: string }>, res: Response) => {
    const match = /^(.+)\.(csv|ndjson|json)$/.exec(req.params.file);
    const document = match && prepared.get(match[1]!);
    if (!match || !document) {
      res.status(404).json({ error: `no extract ${req.params.file}: write /extract/<name>.<${EXTRACT_FORMATS.join('|')}> with a name of ${[...prepared.keys()].join(', ')}`, code: 'NOT_FOUND' });
      return;
    }
    const [, name, format] = match as unknown as [string, string, ExtractFormat];
    try {
      const variables = readVariables(document, firstValues(req.query), `extract ${name}`);
      const etag = `"${createHash('sha256').update(`${await currentDataVersion(options.dataSource)}\n${req.originalUrl}`).digest('base64url').slice(0, 27)}"`;
      res.set({ ETag: etag, 'Cache-Control': `public, max-age=${options.maxAge}` });
      if (matchesEtag(req.headers['if-none-match'], etag)) {
        res.status(304).end();
        return;
      }
      res.set({ 'Content-Type': CONTENT_TYPES[format], 'Content-Disposition': `attachment; filename="${name}.${format}"` });
      await runExtract({
        schema: options.schema,
        context: () => createContext(options.dataSource, { timeoutMs: options.timeoutMs }, options.shared),
        prepared: document,
        variables,
        format,
        out: res,
        allPages: isPageable(document),
      });
      res.end();
    } catch (error) {
      const unavailable = isDatabaseUnavailable(error);
      if (unavailable) options.logger.warn({ err: error, extract: name }, 'database unavailable');
      else if (!(error instanceof ExtractError)) options.logger.error({ err: error, extract: name }, 'extract failed');
      if (res.headersSent) return void res.destroy(error as Error);
      // A refusal is never cached under the ETag of the data it did not send.
      res.removeHeader('ETag');
      res.set('Cache-Control', 'no-store');
      if (unavailable) res.status(503).set('Retry-After', String(DATABASE_UNAVAILABLE.retryAfterSeconds)).json({ error: DATABASE_UNAVAILABLE.message, code: DATABASE_UNAVAILABLE.code });
      else if (error instanceof ExtractError) res.status(400).json({ error: error.message, code: 'BAD_USER_INPUT' });
      else res.status(500).json({ error: 'Internal server error', code: 'INTERNAL_SERVER_ERROR' });
    }
  });
  return router;
}

function firstValues(query: Request['query']): Record<string, string> {
  return Object.fromEntries(Object.entries(query).map(([key, value]) => [key, String(Array.isArray(value) ? value[0] : value)]));
}

/** If-None-Match per RFC 9110 §13.1.2 (weak comparison); a client's Cache-Control: no-cache does not turn it off. */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
