import { createHash } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { AGENCY_PROFILE_DOCUMENT, buildAgencyProfile, ProfileNotFoundError } from '../documents/agency-profile';
import { printPdf, printQueue } from '../documents/print-pdf';
import { DocumentQueryError, prepareNamedDocument } from '../documents/run-document-query';
import { ChromiumUnavailableError } from '../errors/chromium-unavailable-error';
import { currentDataVersion } from '../services/data-version.service';
import { createContext, type SharedResources } from './context';
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from './database-unavailable';
import { matchesEtag } from './extract-route';
import { addOverviewRoute } from './overview-route';

export interface DocumentRouteOptions {
  schema: GraphQLSchema;
  dataSource: DataSource;
  shared: SharedResources;
  /** A document's query runs under the operation time limit, like any GraphQL request. */
  timeoutMs: number;
  /** Seconds a CDN or proxy may keep a document. */
  maxAge: number;
  logger: Logger;
}

/** How a profile's HTML is sent in each format: its content type and body. */
interface DocumentFormat {
  contentType: string;
  body(html: string): Promise<string | Buffer>;
}

const FORMATS: Record<string, DocumentFormat> = {
  html: { contentType: 'text/html; charset=utf-8', body: async (html) => html },
  pdf: { contentType: 'application/pdf', body: printPdf },
};

/** A report id as the API gives it: a positive whole number. */
const REPORT_ID = /^[1-9][0-9]{0,14}$/;

/**
 * GET /profiles/<reportId>.html|.pdf: the agency profile (单位年度画像) of a report,
 * built from queries/agency-profile.graphql; the PDF is the HTML printed by Chromium
 * (503 saying what to install when there is none). The ETag is the database's data
 * version and the URL: unchanged data answers 304.
 * GET /overviews/<year>.html|.csv|.pdf?region= or ?parent=: the supervisor's list (overview-route.ts).
 */
export function documentRouter(options: DocumentRouteOptions): Router {
  const profile = prepareNamedDocument(options.schema, AGENCY_PROFILE_DOCUMENT);
  const router = Router();
  router.get('/profiles/:file', async (req: Request<{ file: string }>, res: Response) => {
    const match = /^(.*)\.([a-z]+)$/.exec(req.params.file);
    const format = match && FORMATS[match[2]!];
    if (!match || !format) {
      res.status(404).json({ error: `no document ${req.params.file}: write /profiles/<reportId>.<${Object.keys(FORMATS).join('|')}>`, code: 'NOT_FOUND' });
      return;
    }
    const reportId = match[1]!;
    if (!REPORT_ID.test(reportId)) {
      res.status(400).json({ error: `/profiles/${req.params.file}: the report id "${reportId}" is not a report id (a positive whole number)`, code: 'BAD_USER_INPUT' });
      return;
    }
    try {
      const etag = `"${createHash('sha256').update(`${await currentDataVersion(options.dataSource)}\n${req.originalUrl}`).digest('base64url').slice(0, 27)}"`;
      if (matchesEtag(req.headers['if-none-match'], etag)) {
        res.set({ ETag: etag, 'Cache-Control': `public, max-age=${options.maxAge}` }).status(304).end();
        return;
      }
      const context = createContext(options.dataSource, { timeoutMs: options.timeoutMs }, options.shared);
      const html = await buildAgencyProfile({ schema: options.schema, context, reportId, document: profile });
      if (format.contentType === FORMATS.pdf!.contentType) options.logger.info({ profile: reportId, prints: printQueue() }, 'printing a PDF');
      const body = await format.body(html);
      res.set({ ETag: etag, 'Cache-Control': `public, max-age=${options.maxAge}`, 'Content-Type': format.contentType }).send(body);
    } catch (error) {
      res.set('Cache-Control', 'no-store');
      if (error instanceof ProfileNotFoundError) return void res.status(404).json({ error: `no report with id ${reportId}`, code: 'NOT_FOUND' });
      if (isDatabaseUnavailable(error)) {
        options.logger.warn({ err: error, profile: reportId }, 'database unavailable');
        return void res.status(503).set('Retry-After', String(DATABASE_UNAVAILABLE.retryAfterSeconds)).json({ error: DATABASE_UNAVAILABLE.message, code: DATABASE_UNAVAILABLE.code });
      }
      if (error instanceof ChromiumUnavailableError) {
        options.logger.warn({ err: error, profile: reportId }, 'no Chromium for a PDF');
        return void res.status(503).json({ error: error.message, code: 'PDF_UNAVAILABLE' });
      }
      if (error instanceof DocumentQueryError) return void res.status(400).json({ error: error.message, code: 'BAD_USER_INPUT' });
      options.logger.error({ err: error, profile: reportId }, 'profile failed');
      res.status(500).json({ error: 'Internal server error', code: 'INTERNAL_SERVER_ERROR' });
    }
  });
  addOverviewRoute(router, options);
  return router;
}
