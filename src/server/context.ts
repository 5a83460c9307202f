import type { DataSource, EntityManager } from 'typeorm';
import { readManager } from '../database/read-manager';
import type { SqliteReadPool } from '../database/sqlite-read-pool';
import { createLoaders, type Loaders } from '../loaders/create-loaders';
import type { ReportAnalysisCache } from '../services/report-analysis';
import { requireApiKey } from './api-keys';
import type { BatchCost } from './batch-cost';
import { RequestDeadline } from './request-deadline';

export interface GatewayContext {
  /** Writes (mutations, in their own transactions). */
  dataSource: DataSource;
  /** The request's reads: in the read pool on SQLite, stopped at the deadline on both databases. */
  db: EntityManager;
  loaders: Loaders;
  deadline: RequestDeadline;
  /** Throws UNAUTHENTICATED or FORBIDDEN unless the request carries a valid API key. */
  requireApiKey(): void;
  /** Over HTTP: the cost of the request's operations together (a batch's sum). */
  batchCost?: BatchCost;
}

export interface RequestCredentials {
  /** The request's Authorization header. */
  authorization?: string;
  /** Digests of the keys mutations accept. */
  apiKeys?: readonly Buffer[];
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
    requireApiKey: () => requireApiKey(request.authorization, request.apiKeys ?? []),
  };
}
