import type { DataSource } from 'typeorm';
import { createLoaders, type Loaders } from '../loaders/create-loaders';
import { requireApiKey } from './api-keys';

export interface GatewayContext {
  dataSource: DataSource;
  loaders: Loaders;
  /** Throws UNAUTHENTICATED or FORBIDDEN unless the request carries a valid API key. */
  requireApiKey(): void;
}

export function createContext(dataSource: DataSource, authorization: string | undefined, apiKeys: readonly Buffer[]): GatewayContext {
  return { dataSource, loaders: createLoaders(dataSource), requireApiKey: () => requireApiKey(authorization, apiKeys) };
}
