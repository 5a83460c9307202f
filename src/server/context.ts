import type { DataSource, EntityManager } from 'typeorm';
import { readManager } from '../database/read-manager';
import type { SqliteReadPool } from '../database/sqlite-read-pool';
import { createLoaders, type Loaders } from '../loaders/create-loaders';
import type { ReportAnalysisCache } from '../services/report-analysis';
import { authorize, type ApiKey } from './api-keys';
import { MUTATION_ROLES, type MutationName } from './mutation-roles';
import type { BatchCost } from './batch-cost';
import { RequestDeadline } from './request-deadline';

export interface GatewayContext {
  /** Writes (mutations, in their own transactions). */
  dataSource: DataSource;
  /** The request's reads: in the read pool on SQLite, stopped at the deadline on both databases. */
  db: EntityManager;
  loaders: Loaders;
  deadline: RequestDeadline;
  /** The name of the request's API key; throws UNAUTHENTICATED or FORBIDDEN unless it has the role the mutation needs. */
  authorize(mutation: MutationName): string;
  /** Over HTTP: the cost of the request's operations together (a batch's sum). */
  batchCost?: BatchCost;
}

export interface RequestCredentials {
  /** The request's Authorization header. */
  authorization?: string;
  /** The keys mutations accept. */
  apiKeys?: readonly ApiKey[];
  /** Unlimited when absent (the CLI and server-side extracts run fixed documents). */
  timeoutMs?: number;
}

/** What a gateway's requests share: SQLite's read pool, and the analyses of reports already checked. */
export interface SharedResources {
  pool?: SqliteReadPool;
  analyses?: ReportAnalysisCache;
}

export function createContext(dataSource: DataSource, request: RequestCredentials = {}, shared: SharedResources = {}): GatewayContext {
  const deadline = new RequestDeadline(request.timeoutMs ?? Number.POSITIVE_INFINITY);
  const db = readManager(dataSource, deadline, shared.pool);
  return {
    dataSource,
    db,
    deadline,
    loaders: createLoaders(db, shared.analyses),
    authorize: (mutation) => authorize(request.authorization, request.apiKeys ?? [], MUTATION_ROLES[mutation], mutation),
  };
}
