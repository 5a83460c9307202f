import type { DataSource, EntityManager } from 'typeorm';
import { readManager } from '../database/read-manager';
import type { SqliteReadPool } from '../database/sqlite-read-pool';
import { createLoaders, type Loaders } from '../loaders/create-loaders';
import { requireApiKey } from './api-keys';
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
}

export interface RequestCredentials {
  /** The request's Authorization header. */
  authorization?: string;
  /** Digests of the keys mutations accept. */
  apiKeys?: readonly Buffer[];
  /** Unlimited when absent (the CLI and server-side extracts run fixed documents). */
  timeoutMs?: number;
}

export function createContext(dataSource: DataSource, request: RequestCredentials = {}, pool?: SqliteReadPool): GatewayContext {
  const deadline = new RequestDeadline(request.timeoutMs ?? Number.POSITIVE_INFINITY);
  const db = readManager(dataSource, deadline, pool);
  return {
    dataSource,
    db,
    deadline,
    loaders: createLoaders(db),
    requireApiKey: () => requireApiKey(request.authorization, request.apiKeys ?? []),
  };
}
