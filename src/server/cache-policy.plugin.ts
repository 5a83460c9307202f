import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';

const NO_STORE = 'no-store';

/**
 * Every read is cacheable for `maxAge` seconds and mutations never are, so no
 * per-field hints are needed: Apollo's cache-control plugin would wrap every
 * field resolver (tens of thousands on a page of cells).
 */
export function cachePolicyPlugin(maxAge: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, response }) {
          const readable = operation?.operation === 'query' && response.body.kind === 'single' && !response.body.singleResult.errors;
          // The operations of a batch share one set of headers, in whatever order they finish: one that may not be stored decides.
          if (!readable) response.http.headers.set('cache-control', NO_STORE);
          else if (response.http.headers.get('cache-control') !== NO_STORE) response.http.headers.set('cache-control', `max-age=${maxAge}, public`);
        },
      };
    },
  };
}

/** Answers refused before any operation runs (body, batch size, CSRF, malformed GET) are not stored either. */
export const noStoreUnlessCacheable: RequestHandler = (_req, res, next) => {
  res.set('cache-control', NO_STORE);
  next();
};
