import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import { collectFiles, type CollectedPath } from './collect-files';
import { INGEST_LIMITS, tooLarge } from './ingest-limits';
import { IngestError } from './ingest-error';
import { ingestReport, type IngestResult } from './ingest-report';
import type { ParseOptions } from './parse-report';
import { closeBatch, openBatch, recordItem } from '../services/ingest-batch.service';

export type FileOutcome = { path: string; result: IngestResult } | { path: string; refused: IngestError };

export interface IngestRunOptions extends ParseOptions {
  /** Who runs it: recorded with the batch and each version. */
  actor?: string | null;
  /** Make each new reading current even when it reads less than the current one. */
  makeCurrent?: boolean;
  /** What the batch records as its source (default: the paths given). */
  source?: string;
}

/**
 * Ingests the files named and the report files in the folders named, as one
 * batch, one transaction per file. A refused file is reported (and recorded
 * in the batch) and the rest go on; any other error (the database failing) stops the run.
 */
export async function* ingestFiles(dataSource: DataSource, paths: readonly string[] | CollectedPath[], options: IngestRunOptions = {}): AsyncGenerator<FileOutcome, void, undefined> {
  const files = paths.every((p) => typeof p === 'string') ? await collectFiles(paths as string[]) : (paths as CollectedPath[]);
  // Its own statement, before the files: each file's item is recorded in that file's transaction.
  const batch = await openBatch(dataSource.manager, { kind: 'INGEST', source: options.source ?? paths.map((p) => (typeof p === 'string' ? p : p.path)).join(' '), actor: options.actor ?? null });
  for (const file of files) {
    try {
      if (file.problem) throw new IngestError('UNREADABLE', file.problem);
      const bytes = readBounded(file.path);
      yield { path: file.path, result: await ingestReport(dataSource, { ...options, bytes, fileName: file.path, batchId: batch.id }) };
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
      await recordItem(dataSource.manager, batch.id, { path: file.path, outcome: 'refused', reason: error.message, agencyId: null, year: null, versionId: null, previousVersionId: null });
      yield { path: file.path, refused: error };
    }
  }
  await closeBatch(dataSource.manager, batch.id);
}

/**
 * Reads a file, refusing one over the size limit before reading it. Synchronous
 * on purpose: three system calls on the ingest path, where promise-based file
 * access cost more per report than parsing it.
 */
function readBounded(path: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new IngestError('UNREADABLE', (error as Error).message);
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new IngestError('UNREADABLE', 'not a regular file');
    if (info.size > INGEST_LIMITS.maxBytes) throw tooLarge(info.size);
    return readFileSync(fd);
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new IngestError('UNREADABLE', (error as Error).message);
  } finally {
    closeSync(fd);
  }
}
