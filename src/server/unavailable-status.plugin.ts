import type { ApolloServerPlugin } from '@apollo/server';
import { DATABASE_UNAVAILABLE } from './database-unavailable';

/** An answer without data because the database is away is a 503 with Retry-After, so clients and balancers back off. */
export function unavailableStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (!errors?.some((error) => error.extensions?.code === DATABASE_UNAVAILABLE.code)) return;
          if (data && Object.values(data).some((value) => value !== null)) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(DATABASE_UNAVAILABLE.retryAfterSeconds));
        },
      };
    },
  };
}
