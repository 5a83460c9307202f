import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Report } from '../entities/report.entity';
import { readSource } from './read-source';
import { parseReport, type ParseOptions } from './parse-report';
import type { ParsedReport } from './parsed-report.types';
import { storeReport, type StoreOutcome } from './store-report';

export interface IngestInput extends ParseOptions {
  bytes: Buffer;
  /** Where the bytes came from, kept with the report. */
  fileName?: string;
}

export interface IngestResult {
  outcome: StoreOutcome;
  reportId: number;
  report: ParsedReport;
  /** The stored row, read from the primary database. */
  stored: Report;
  /** What the file was: `pdf`, or `text/<encoding>`. */
  format: string;
}

/** Decode, parse and store one report. Throws IngestError for input that is not a readable report. */
export async function ingestReport(dataSource: DataSource, input: IngestInput): Promise<IngestResult> {
  const { text, format } = await readSource(input.bytes);
  const normalizedText = text.replace(/\r\n?/g, '\n');
  const report = parseReport(normalizedText, input);
  const contentHash = createHash('sha256').update(normalizedText).digest('hex');
  const stored = await storeReport(dataSource, report, { contentHash, sourceFile: input.fileName ?? null, sourceFormat: format });
  return { outcome: stored.outcome, reportId: stored.reportId, stored: stored.report, report, format };
}
