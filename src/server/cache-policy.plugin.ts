import type { ApolloServerPlugin } from '@apollo/server';

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
          response.http.headers.set('cache-control', readable ? `max-age=${maxAge}, public` : 'no-store');
        },
      };
    },
  };
}
