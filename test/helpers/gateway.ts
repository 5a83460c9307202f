import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { StatementCounter } from '../../src/database/statement-counter';
import { ingestReport } from '../../src/ingest/ingest-report';
import { parseApiKeys } from '../../src/server/api-keys';
import { startGateway, type Gateway } from '../../src/server/create-gateway';
import { defaultSettings, type GatewaySettings, type QueryLimits } from '../../src/server/gateway-settings';
import { FIXTURES, SAMPLE_FILES, SEEDS } from './fixtures';
import { openTestDatabase, POSTGRES_URL, type DatabaseKind } from './test-databases';

/** A report file, or a text written for a test, optionally under another agency name. */
export type ReportSource = ({ file: string } | { text: string }) & { agencyName?: string };

export const SAMPLE_SOURCES: ReportSource[] = SAMPLE_FILES.map((file) => ({ file: join(SEEDS, file) }));
export const VARIANT_2022 = join(FIXTURES, 'variants', '001-2022-consistent.txt');

/** `count` agencies (测试机关00, 测试机关01, …) with a 2021 report (sample 001) and a 2022 one that carries over from it. */
export function twoYearAgencies(count: number): ReportSource[] {
  return Array.from({ length: count }, (_, i) => `测试机关${String(i).padStart(2, '0')}`).flatMap((agencyName) => [
    { file: join(SEEDS, '001_e6ee48d9f5f3b505.txt'), agencyName },
    { file: VARIANT_2022, agencyName },
  ]);
}

export interface GraphQLResult<T> {
  status: number;
  body: { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

export interface TestGateway extends Gateway {
  dataSource: DataSource;
  counter: StatementCounter;
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResult<T>>;
  stop(): Promise<void>;
}

/** A real gateway on a loopback port over a fresh SQLite file holding the given reports. */
export interface TestGatewayOptions {
  production?: boolean;
  kind?: DatabaseKind;
  apiKeys?: string;
  /** More to store before serving (a generated corpus, say). */
  prepare?: (dataSource: DataSource) => Promise<unknown>;
  /** Settings over the defaults (limits over the default limits). */
  settings?: Partial<Omit<GatewaySettings, 'limits'>> & { limits?: Partial<QueryLimits> };
  logger?: Logger;
}

export async function startTestGateway(sources: ReportSource[], options: TestGatewayOptions = {}): Promise<TestGateway> {
  const counter = new StatementCounter();
  // In the PostgreSQL run (DATABASE_URL set) every gateway test runs on PostgreSQL; otherwise on a SQLite file.
  const database = await openTestDatabase(options.kind ?? (POSTGRES_URL ? 'postgres' : 'sqlite'), counter);
  const { dataSource } = database;
  for (const source of sources) {
    const bytes = 'file' in source ? readFileSync(source.file) : Buffer.from(source.text);
    await ingestReport(dataSource, { bytes, fileName: 'file' in source ? source.file : undefined, agencyName: source.agencyName });
  }
  await options.prepare?.(dataSource);
  const defaults = defaultSettings(options.production);
  const settings: GatewaySettings = { ...defaults, apiKeys: parseApiKeys(options.apiKeys), ...options.settings, limits: { ...defaults.limits, ...options.settings?.limits } };
  const gateway = await startGateway({ dataSource, logger: options.logger ?? pino({ level: 'silent' }), port: 0, settings });
  return {
    ...gateway,
    dataSource,
    counter,
    async graphql<T>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GraphQLResult<T>> {
      const response = await fetch(`${gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
      return { status: response.status, body: (await response.json()) as GraphQLResult<T>['body'] };
    },
    async stop() {
      await gateway.close();
      await database.close();
    },
  };
}
