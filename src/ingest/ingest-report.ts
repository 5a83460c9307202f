import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Report } from '../entities/report.entity';
import type { SourceKind } from '../entities/source-format.types';
import { readSource } from './read-source';
import { parseReport, type ParseOptions } from './parse-report';
import type { ParsedReport } from './parsed-report.types';
import { storeReport, type StoreResult } from './store-report';

export interface IngestInput extends ParseOptions {
  bytes: Buffer;
  /** Where the bytes came from, kept with the report. */
  fileName?: string;
  /** Who ingests: an API key's name, or the user running the command. */
  actor?: string | null;
  /** Make the new reading current even when it reads less than the current one. */
  makeCurrent?: boolean;
  /** The run this file belongs to; without one, it is a batch of its own. */
  batchId?: number;
}

export interface IngestResult extends Omit<StoreResult, 'report'> {
  report: ParsedReport;
  /** The stored row, read from the primary database. */
  stored: Report;
  /** What the file was. */
  source: SourceKind;
}

/** Decode, parse and store one report. Throws IngestError for input that is not a readable report. */
export async function ingestReport(dataSource: DataSource, input: IngestInput): Promise<IngestResult> {
  const { text, places, ...source } = await readSource(input.bytes, { timeoutMs: input.timeoutMs });
  const normalizedText = text.replace(/\r\n?/g, '\n');
  const report = parseReport(normalizedText, { ...input, places });
  // A PDF's reading is its text and where it was printed: a reading stored without pages is not the same one.
  const contentHash = createHash('sha256').update(normalizedText).update(places ? JSON.stringify(places) : '').digest('hex');
  const { report: stored, ...result } = await storeReport(dataSource, report, {
    contentHash,
    sourceFile: input.fileName ?? null,
    ...source,
    actor: input.actor,
    makeCurrent: input.makeCurrent,
    batchId: input.batchId,
  });
  return { ...result, stored, report, source };
}
