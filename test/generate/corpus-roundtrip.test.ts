import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Report } from '../../src/entities/report.entity';
import { cellKey, exportAll, loadCorpus, writeCorpus } from '../helpers/corpus';
import { openTempSqlite } from '../helpers/temp-database';

describe('generated corpora round-trip through ingest and export', () => {
  it.each([
    { seed: 1, agencies: 8, fromYear: 2022, toYear: 2023 },
    { seed: 2, agencies: 25, fromYear: 2021, toYear: 2023 },
    { seed: 3, agencies: 15, fromYear: 2020, toYear: 2024, damageRate: 0.8 },
    { seed: 40, agencies: 40, fromYear: 2021, toYear: 2023 },
  ])('seed $seed, $agencies agencies, $fromYear–$toYear', async (options) => {
    const corpus = await writeCorpus(options);
    const { dataSource, file } = await openTempSqlite();
    try {
      expect(await loadCorpus(dataSource, corpus)).toBe(0);
      const stored = new Map((await exportAll(dataSource)).map((record) => [cellKey(record), record]));
      expect(stored.size).toBe(corpus.truth.length);
      let flagged = 0;
      for (const truth of corpus.truth) {
        const cell = stored.get(cellKey(truth))!;
        if (cell.inferred || cell.status === 'MISSING') {
          flagged += 1;
          // A damaged cell is either left MISSING or inferred to exactly its true value: never silently wrong.
          if (cell.status !== 'MISSING') expect(cell.value, cellKey(truth)).toBe(truth.value);
          continue;
        }
        expect([cell.value, cell.raw, cell.status, cell.line], cellKey(truth)).toEqual([truth.value, truth.raw, truth.status, truth.line]);
      }
      expect(flagged).toBeGreaterThanOrEqual(corpus.summary.lostCells > 0 ? 1 : 0);
      // Every identity holds in a generated report, across years too: no check fails.
      expect(await dataSource.getRepository(Report).sum('failingChecks')).toBe(0);
    } finally {
      await dataSource.destroy();
      file.cleanup();
      corpus.cleanup();
    }
  });

  it('the same seed writes the same corpus; another seed another', async () => {
    const [a, b, c] = await Promise.all([writeCorpus({ seed: 11, agencies: 6 }), writeCorpus({ seed: 11, agencies: 6 }), writeCorpus({ seed: 12, agencies: 6 })]);
    try {
      const files = (dir: string) => ['agencies.csv', 'truth.ndjson', ...readdirSync(join(dir, '2022')).map((f) => join('2022', f))].map((f) => readFileSync(join(dir, f), 'utf8'));
      expect(files(a.dir)).toEqual(files(b.dir));
      expect(files(a.dir)).not.toEqual(files(c.dir));
    } finally {
      for (const corpus of [a, b, c]) corpus.cleanup();
    }
  });

  it('has the shape of real corpora: most cells 0, a few busy agencies, hierarchy in agencies.csv', async () => {
    const corpus = await writeCorpus({ seed: 5, agencies: 120, fromYear: 2023, toYear: 2023, damageRate: 0 });
    try {
      const zeros = corpus.truth.filter((r) => r.value === 0).length / corpus.truth.length;
      expect(zeros).toBeGreaterThan(0.8);
      const received = corpus.truth.filter((r) => r.address === 't3/new/total').map((r) => r.value!);
      expect(received.filter((n) => n === 0).length).toBeGreaterThan(received.length / 3);
      expect(Math.max(...received)).toBeGreaterThan(300);
      const csv = readFileSync(join(corpus.dir, 'agencies.csv'), 'utf8').trim().split('\n');
      expect(csv[0]).toBe('name,fullName,shortName,region,level,parent');
      expect(csv.filter((line) => line.endsWith(',DEPARTMENT,') || line.includes(',DEPARTMENT,'))).not.toHaveLength(0);
    } finally {
      corpus.cleanup();
    }
  });
});
