import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { generateCorpus, type CorpusOptions, type CorpusSummary } from '../../src/generate/generate-corpus';
import { ingestFiles } from '../../src/ingest/ingest-files';
import { importAgencies } from '../../src/services/agency-import.service';
import { exportCells, type CellRecord } from '../../src/services/cell-export.service';

export interface Corpus {
  dir: string;
  summary: CorpusSummary;
  truth: CellRecord[];
  cleanup(): void;
}

export async function writeCorpus(options: Partial<CorpusOptions> & Pick<CorpusOptions, 'agencies' | 'seed'>): Promise<Corpus> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-corpus-'));
  const summary = await generateCorpus(dir, { fromYear: 2021, toYear: 2023, damageRate: 0.3, truth: true, ...options });
  const truth = readFileSync(join(dir, 'truth.ndjson'), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as CellRecord);
  return { dir, summary, truth, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Ingests every report of the corpus and imports its agencies.csv; returns how many reports were refused. */
export async function loadCorpus(dataSource: DataSource, corpus: Corpus): Promise<number> {
  let refused = 0;
  for await (const outcome of ingestFiles(dataSource, [corpus.dir])) if ('refused' in outcome) refused += 1;
  await importAgencies(dataSource, readFileSync(join(corpus.dir, 'agencies.csv'), 'utf8'), 'agencies.csv');
  return refused;
}

export async function exportAll(dataSource: DataSource): Promise<CellRecord[]> {
  const records: CellRecord[] = [];
  for await (const record of exportCells(dataSource.manager)) records.push(record);
  return records;
}

export const cellKey = (record: Pick<CellRecord, 'agency' | 'year' | 'address'>) => `${record.agency}|${record.year}|${record.address}`;
