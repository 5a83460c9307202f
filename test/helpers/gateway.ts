import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import type { DataSource, Logger as TypeOrmLogger } from 'typeorm';
import { openDatabase } from '../../src/database/data-source';
import { ingestReport } from '../../src/ingest/ingest-report';
import { startGateway, type Gateway } from '../../src/server/create-gateway';
import { FIXTURES, SAMPLE_FILES, SEEDS } from './fixtures';
import { tempSqlitePath } from './temp-database';

/** Counts the SQL statements TypeORM sends. */
export class StatementCounter implements TypeOrmLogger {
  count = 0;
  logQuery(): void {
    this.count += 1;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/** A report file, or a text written for a test, optionally under another agency name. */
export type ReportSource = ({ file: string } | { text: string }) & { agencyName?: string };

export const SAMPLE_SOURCES: ReportSource[] = SAMPLE_FILES.map((file) => ({ file: join(SEEDS, file) }));
export const VARIANT_2022 = join(FIXTURES, 'variants', '001-2022-consistent.txt');

export interface GraphQLResult<T> {
  status: number;
  body: { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

export interface TestGateway extends Gateway {
  dataSource: DataSource;
  counter: StatementCounter;
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>>;
  stop(): Promise<void>;
}

/** A real gateway on a loopback port over a fresh SQLite file holding the given reports. */
export async function startTestGateway(sources: ReportSource[], options: { production?: boolean } = {}): Promise<TestGateway> {
  const file = tempSqlitePath();
  const counter = new StatementCounter();
  const dataSource = await openDatabase({ kind: 'sqlite', path: file.path }, { logger: counter });
  for (const source of sources) {
    const bytes = 'file' in source ? readFileSync(source.file) : Buffer.from(source.text);
    await ingestReport(dataSource, { bytes, fileName: 'file' in source ? source.file : undefined, agencyName: source.agencyName });
  }
  const gateway = await startGateway({ dataSource, logger: pino({ level: 'silent' }), port: 0, production: options.production });
  return {
    ...gateway,
    dataSource,
    counter,
    async graphql<T>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>> {
      const response = await fetch(`${gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      return { status: response.status, body: (await response.json()) as GraphQLResult<T>['body'] };
    },
    async stop() {
      await gateway.close();
      await dataSource.destroy();
      file.cleanup();
    },
  };
}
