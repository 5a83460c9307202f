import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/database/data-source';
import type { CellRecord } from '../../src/services/cell-export.service';
import { exportAll, loadCorpus, writeCorpus, type Corpus } from '../helpers/corpus';
import { cliDatabase, type CliDatabase } from '../helpers/test-databases';
import { runCli } from '../helpers/run-cli';
import { tempSqlitePath } from '../helpers/temp-database';

const BIN = join(__dirname, '..', '..', 'bin', 'nianbao.js');
const REPORTS = 450;
const REPORT_SIZES = 'SELECT r.source_file, (SELECT COUNT(*) FROM table_cell c WHERE c.report_id = r.id) AS cells, (SELECT COUNT(*) FROM section s WHERE s.report_id = r.id) AS sections FROM report r';
type ReportSize = { source_file: string; cells: string | number; sections: string | number };
const sizeOf = (report: ReportSize) => ({ cells: Number(report.cells), sections: Number(report.sections) });

/** Starts `nianbao ingest` and kills it with SIGKILL once it has printed `afterStored` stored reports. */
async function ingestKilledMidway(corpus: Corpus, database: CliDatabase, afterStored: number): Promise<{ stdout: string; stored: string[] }> {
  const child = spawn(process.execPath, [BIN, 'ingest', corpus.dir, ...database.args], { env: { ...process.env, DATABASE_URL: '', NIANBAO_DB: '', ...database.env } });
  let stdout = '';
  const storedPaths = () => [...stdout.matchAll(/^stored +(.+?): /gm)].map((match) => match[1]!);
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (storedPaths().length >= afterStored) child.kill('SIGKILL');
  });
  const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, killedBy) => resolve(killedBy)));
  expect(signal).toBe('SIGKILL');
  return { stdout, stored: storedPaths() };
}

/** Cells keyed by agency, year and address, without the ids that differ between databases. */
function byContent(records: CellRecord[]): string[] {
  return records.map(({ reportId: _id, ...record }) => JSON.stringify(record)).sort();
}

describe('kill -9 during a large ingest', () => {
  let corpus: Corpus;
  let reference: string[];
  let referenceSizes: Map<string, { cells: number; sections: number }>;
  beforeAll(async () => {
    corpus = await writeCorpus({ agencies: 150, seed: 23 });
    const file = tempSqlitePath();
    const dataSource = await openDatabase({ kind: 'sqlite', path: file.path });
    await loadCorpus(dataSource, corpus);
    reference = byContent(await exportAll(dataSource));
    referenceSizes = new Map(((await dataSource.query(REPORT_SIZES)) as ReportSize[]).map((r) => [r.source_file, sizeOf(r)]));
    expect(referenceSizes.size).toBe(REPORTS);
    await dataSource.destroy();
    file.cleanup();
  });
  afterAll(() => corpus.cleanup());

  it('leaves every committed report whole and no partial one; a rerun completes the corpus exactly', async () => {
    const database = await cliDatabase();
    try {
      const { stdout, stored } = await ingestKilledMidway(corpus, database, 25);
      let committed = 0;
      expect(stdout).not.toMatch(/file\(s\):/);
      expect(stored.length).toBeGreaterThanOrEqual(25);

      const dataSource = await database.open();
      try {
        if (dataSource.options.type === 'better-sqlite3') expect(await dataSource.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
        const reports: ReportSize[] = await dataSource.query(REPORT_SIZES);
        committed = reports.length;
        // Everything the process said it stored is there: a commit is durable once reported.
        expect(reports.map((r) => r.source_file)).toEqual(expect.arrayContaining(stored));
        expect(committed).toBeLessThan(REPORTS);
        for (const report of reports) expect(sizeOf(report), report.source_file).toEqual(referenceSizes.get(report.source_file));
        const [orphans] = await dataSource.query('SELECT (SELECT COUNT(*) FROM table_cell WHERE report_id NOT IN (SELECT id FROM report)) AS cells, (SELECT COUNT(*) FROM section WHERE report_id NOT IN (SELECT id FROM report)) AS sections');
        expect({ cells: Number(orphans.cells), sections: Number(orphans.sections) }).toEqual({ cells: 0, sections: 0 });
      } finally {
        await dataSource.destroy();
      }

      const rerun = runCli(['ingest', corpus.dir, ...database.args], database.env);
      expect(rerun.status).toBe(0);
      expect(rerun.stdout).toContain(`${REPORTS} file(s): ${REPORTS - committed} stored, 0 replaced, ${committed} unchanged, 0 kept, 0 refused`);
      const resumed = await database.open();
      try {
        expect(byContent(await exportAll(resumed))).toEqual(reference);
      } finally {
        await resumed.destroy();
      }
    } finally {
      await database.cleanup();
    }
  });
});
