import { createHash } from 'node:crypto';
import type { Request, Response, Router } from 'express';
import { printPdf, printQueue } from '../documents/print-pdf';
import { DocumentQueryError } from '../documents/run-document-query';
import { buildOverview, OverviewScopeNotFound, renderOverviewHtml } from '../documents/supervisor-overview';
import { renderOverviewCsv } from '../documents/supervisor-overview-csv';
import type { OverviewScope } from '../documents/supervisor-overview-query';
import { ChromiumUnavailableError } from '../errors/chromium-unavailable-error';
import { currentDataVersion } from '../services/data-version.service';
import { createContext } from './context';
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from './database-unavailable';
import type { DocumentRouteOptions } from './document-routes';
import { matchesEtag } from './extract-route';

const CONTENT_TYPES = { html: 'text/html; charset=utf-8', csv: 'text/csv; charset=utf-8', pdf: 'application/pdf' } as const;
type OverviewFormat = keyof typeof CONTENT_TYPES;

/** A request the route refuses: the status and what to write. */
class OverviewRequestError extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string,
  ) {
    super(message);
  }
}

/**
 * GET /overviews/<year>.html|.csv|.pdf?region=<path> or ?parent=<agencyId>[&measure=<m>]: the supervisor's
 * list of the agencies in a region (and the regions in it) or of an agency and every agency under it.
 * The ETag is the database's data version and the URL: unchanged data answers 304.
 */
export function addOverviewRoute(router: Router, options: DocumentRouteOptions): void {
  router.get('/overviews/:file', async (req: Request<{ file: string }>, res: Response) => {
    try {
      const match = /^([0-9]{4})\.(html|csv|pdf)$/.exec(req.params.file);
      if (!match) throw new OverviewRequestError(404, `no overview ${req.params.file}: write /overviews/<year>.html, .csv or .pdf`);
      const format = match[2] as OverviewFormat;
      const request = { scope: scopeOf(req.query), year: Number(match[1]), measure: textParameter(req.query.measure, 'measure') ?? 'completionRate' };
      const etag = `"${createHash('sha256').update(`${await currentDataVersion(options.dataSource)}\n${req.originalUrl}`).digest('base64url').slice(0, 27)}"`;
      const caching = { ETag: etag, 'Cache-Control': `public, max-age=${options.maxAge}` };
      if (matchesEtag(req.headers['if-none-match'], etag)) return void res.set(caching).status(304).end();
      const context = () => createContext(options.dataSource, { timeoutMs: options.timeoutMs }, options.shared);
      const overview = await buildOverview(options.schema, context, request).catch((error: unknown) => {
        throw error instanceof OverviewScopeNotFound ? new OverviewRequestError(404, error.message) : error;
      });
      if (format === 'csv') {
        res.set({ ...caching, 'Content-Disposition': `attachment; filename="overview-${request.year}.csv"` });
        res.type(CONTENT_TYPES.csv).send(renderOverviewCsv(overview));
        return;
      }
      const html = renderOverviewHtml(overview);
      if (format === 'pdf') options.logger.info({ overview: req.originalUrl, prints: printQueue() }, 'printing a PDF');
      const body = format === 'pdf' ? await printPdf(html) : html;
      res.set(caching).type(CONTENT_TYPES[format]).send(body);
    } catch (error) {
      res.set('Cache-Control', 'no-store');
      if (error instanceof OverviewRequestError) res.status(error.status).json({ error: error.message, code: error.status === 404 ? 'NOT_FOUND' : 'BAD_USER_INPUT' });
      else if (error instanceof DocumentQueryError) res.status(400).json({ error: error.message, code: 'BAD_USER_INPUT' });
      else if (error instanceof ChromiumUnavailableError) res.status(503).json({ error: error.message, code: 'PDF_UNAVAILABLE' });
      else if (isDatabaseUnavailable(error)) res.status(503).set('Retry-After', String(DATABASE_UNAVAILABLE.retryAfterSeconds)).json({ error: DATABASE_UNAVAILABLE.message, code: DATABASE_UNAVAILABLE.code });
      else {
        options.logger.error({ err: error, overview: req.originalUrl }, 'overview failed');
        res.status(500).json({ error: 'Internal server error', code: 'INTERNAL_SERVER_ERROR' });
      }
    }
  });
}

function scopeOf(query: Request['query']): OverviewScope {
  const region = textParameter(query.region, 'region');
  const parent = textParameter(query.parent, 'parent');
  if ((region === undefined) === (parent === undefined)) throw new OverviewRequestError(400, 'give exactly one of ?region=<path> and ?parent=<agencyId>');
  return region !== undefined ? { region } : { parent: parent! };
}

function textParameter(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') throw new OverviewRequestError(400, `?${name}= takes one non-empty value`);
  return value;
}
