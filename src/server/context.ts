import type { DataSource } from 'typeorm';
import { createLoaders, type Loaders } from '../loaders/create-loaders';
import { requireApiKey } from './api-keys';
import type { BatchCost } from './batch-cost';
import { RequestDeadline } from './request-deadline';

export interface GatewayContext {
  dataSource: DataSource;
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

export function createContext(dataSource: DataSource, request: RequestCredentials = {}): GatewayContext {
  const deadline = new RequestDeadline(request.timeoutMs ?? Number.POSITIVE_INFINITY);
  return {
    dataSource,
    deadline,
    loaders: createLoaders(dataSource, () => deadline.check()),
    requireApiKey: () => requireApiKey(request.authorization, request.apiKeys ?? []),
  };
}
