import { Router } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { SharedResources } from './context';
import { addOverviewRoute } from './overview-route';

export interface DocumentRouteOptions {
  schema: GraphQLSchema;
  dataSource: DataSource;
  /** What the gateway's requests share (the read pool, the analyses). */
  shared: SharedResources;
  /** Each document query runs under the operation time limit, like any GraphQL request. */
  timeoutMs: number;
  logger: Logger;
}

/** The documents people hand on, as HTML, CSV or PDF: the supervisor's list under /overviews. */
export function documentRouter(options: DocumentRouteOptions): Router {
  const router = Router();
  addOverviewRoute(router, options);
  return router;
}
