import cors from 'cors';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { LIMIT_CODES } from './limit-errors';

/** JSON bodies up to `limit`; a larger one is answered 413 before it is read in full. */
export function jsonBody(limit: string): RequestHandler {
  return express.json({ limit });
}

/** A batched request (a JSON array of operations) may hold at most `maxBatch`. */
export function batchLimit(maxBatch: number): RequestHandler {
  return (req, res, next) => {
    if (!Array.isArray(req.body) || req.body.length <= maxBatch) return next();
    res.status(400).json(errorBody(LIMIT_CODES.batch, `a batch of ${req.body.length} operations is over the limit of ${maxBatch}: send fewer at a time`));
  };
}

/** Body errors as GraphQL-shaped JSON: 413 for too large, 400 for malformed. */
export const bodyErrorHandler: ErrorRequestHandler = (error: { type?: string; status?: number; limit?: number; message: string }, _req, res, next) => {
  if (error.type === 'entity.too.large') {
    return void res.status(413).json(errorBody(LIMIT_CODES.body, `the request body is over the ${error.limit}-byte limit`));
  }
  if (error.status && error.status >= 400 && error.status < 500) {
    return void res.status(error.status).json(errorBody('BAD_REQUEST', `the request body could not be read: ${error.message}`));
  }
  next(error);
};

/** Cross-origin requests from the listed origins (`*`: any); none when the list is empty. */
export function corsPolicy(origins: readonly string[]): RequestHandler {
  if (origins.length === 0) return (_req, _res, next) => next();
  return cors({
    origin: origins.includes('*') ? true : [...origins],
    allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight', 'if-none-match'],
    exposedHeaders: ['etag', 'content-disposition'],
    maxAge: 600,
  });
}

function errorBody(code: string, message: string) {
  return { errors: [{ message, extensions: { code } }] };
}
