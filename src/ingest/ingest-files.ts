import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import { collectFiles, type CollectedPath } from './collect-files';
import { INGEST_LIMITS, tooLarge } from './ingest-limits';
import { IngestError } from './ingest-error';
import { ingestReport, type IngestResult } from './ingest-report';
import type { ParseOptions } from './parse-report';

export type FileOutcome = { path: string; result: IngestResult } | { path: string; refused: IngestError };

/**
 * Ingests the files named and the report files in the folders named, one
 * transaction each. A refused file is reported and the rest go on; any other
 * error (the database failing) stops the run.
 */
export async function* ingestFiles(dataSource: DataSource, paths: readonly string[] | CollectedPath[], options: ParseOptions = {}): AsyncGenerator<FileOutcome, void, undefined> {
  const files = paths.every((p) => typeof p === 'string') ? await collectFiles(paths as string[]) : (paths as CollectedPath[]);
  for (const file of files) {
    try {
      if (file.problem) throw new IngestError('UNREADABLE', file.problem);
      const bytes = readBounded(file.path);
      yield { path: file.path, result: await ingestReport(dataSource, { ...options, bytes, fileName: file.path }) };
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
      yield { path: file.path, refused: error };
    }
  }
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
