import type { DataSource } from 'typeorm';
import { createLoaders, type Loaders } from '../loaders/create-loaders';

export interface GatewayContext {
  dataSource: DataSource;
  loaders: Loaders;
}

export function createContext(dataSource: DataSource): GatewayContext {
  return { dataSource, loaders: createLoaders(dataSource) };
}
