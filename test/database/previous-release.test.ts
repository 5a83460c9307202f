import Database from 'better-sqlite3';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/database/data-source';
import { ReportVersion } from '../../src/entities/report-version.entity';
import { Report } from '../../src/entities/report.entity';
import { ingestReport } from '../../src/ingest/ingest-report';
import { exportCells, type ExportRecord } from '../../src/services/cell-export.service';
import { FIXTURES, SAMPLE_FILES, SEEDS } from '../helpers/fixtures';
import { tempSqlitePath } from '../helpers/temp-database';
import { DATABASE_KINDS, openTestDatabase, tempPostgresDatabase, type DatabaseKind } from '../helpers/test-databases';

/** Databases the release before versions (commit c4afc80) wrote by ingesting the five samples: a SQLite file, and a pg_dump. */
const RELEASE = join(FIXTURES, 'databases', 'release-c4afc80');
/** Databases the release before pages (commit fff4995) wrote by ingesting the five samples and the two PDFs. */
const RELEASE_BEFORE_PAGES = join(FIXTURES, 'databases', 'release-fff4995');
/** Databases the release before plausibility warnings (commit 1513680) wrote by ingesting the five samples and the two PDFs. */
const RELEASE_BEFORE_WARNINGS = join(FIXTURES, 'databases', 'release-1513680');

/** The previous release's database, with `alter` (SQL both databases run alike) run on it as that release left it, then opened (migrated). */
async function openPreviousRelease(kind: DatabaseKind, release = RELEASE, alter?: string): Promise<{ dataSource: DataSource; close(): Promise<void> }> {
  if (kind === 'sqlite') {
    const file = tempSqlitePath();
    copyFileSync(`${release}.sqlite`, file.path);
    if (alter) {
      const raw = new Database(file.path);
      raw.exec(alter);
      raw.close();
    }
    const dataSource = await openDatabase({ kind: 'sqlite', path: file.path });
    return { dataSource, close: async () => (await dataSource.destroy(), file.cleanup()) };
  }
  const database = await tempPostgresDatabase('nianbao_release');
  const loader = new Client({ connectionString: database.url });
  await loader.connect();
  await loader.query(readFileSync(`${release}.postgres.sql`, 'utf8'));
  // The dump empties the session's search_path.
  if (alter) await loader.query(`SET search_path TO public; ${alter}`);
  await loader.end();
  const dataSource = await openDatabase({ kind: 'postgres', url: database.url });
  return { dataSource, close: async () => (await dataSource.destroy(), await database.drop()) };
}

async function exportOf(dataSource: DataSource): Promise<ExportRecord[]> {
  const records: ExportRecord[] = [];
  for await (const record of exportCells(dataSource.manager)) records.push(record);
  return records;
}

const versionsOf = async (dataSource: DataSource) =>
  (await dataSource.getRepository(ReportVersion).find({ order: { id: 'ASC' } })).map((v) => ({ kind: v.kind, year: v.year, parentId: v.parentId, hash: v.contentHash, cells: `${v.cellsRead}/${v.cellsTotal}`, parts: v.parts, changed: v.changed }));

describe.each(DATABASE_KINDS)('a database written by the previous release (%s)', (kind) => {
  it('migrates: each report becomes its version 1, and reads exactly as one ingested now', async () => {
    const [old, fresh] = await Promise.all([openPreviousRelease(kind), openTestDatabase(kind)]);
    try {
      for (const file of SAMPLE_FILES) await ingestReport(fresh.dataSource, { bytes: readFileSync(join(SEEDS, file)), fileName: `test/fixtures/seeds/${file}` });
      const reports = await old.dataSource.getRepository(Report).find({ order: { id: 'ASC' } });
      expect(reports).toHaveLength(5);
      expect(reports.map((r) => r.currentVersionId)).toEqual([1, 2, 3, 4, 5]);
      expect(reports.map((r) => r.unreviewedFailures)).toEqual(reports.map((r) => r.failingChecks));
      // The release stored `text/utf-8`: format and encoding now apart, in the reports and their versions.
      const sources = (rows: { sourceFormat: string; sourceEncoding: string | null }[]) => rows.map((r) => `${r.sourceFormat} ${r.sourceEncoding}`);
      expect(sources(reports)).toEqual(Array(5).fill('TEXT utf-8'));
      expect(sources(await old.dataSource.getRepository(ReportVersion).find())).toEqual(Array(5).fill('TEXT utf-8'));
      expect(await versionsOf(old.dataSource)).toEqual(await versionsOf(fresh.dataSource));
      // Every cell of the five samples: 1,000 records, the same as the new release stores.
      const [migrated, ingested] = await Promise.all([exportOf(old.dataSource), exportOf(fresh.dataSource)]);
      expect(migrated).toHaveLength(1000);
      expect(migrated).toEqual(ingested);
      // The version holds what the tables hold.
      const version = await old.dataSource.getRepository(ReportVersion).findOneByOrFail({ id: 3 });
      expect(version.content.cells.map((c) => [c.value, c.status])).toEqual(migrated.filter((r) => r.reportId === 3).map((r) => [r.value, r.status]));
    } finally {
      await Promise.all([old.close(), fresh.close()]);
    }
  });
});

const warningChecksOf = async (dataSource: DataSource) =>
  ((await dataSource.query('SELECT id, failing_checks, warning_checks FROM report ORDER BY id')) as Record<string, unknown>[]).map((row) => Object.values(row).map(Number));

describe.each(DATABASE_KINDS)('plausibility warnings of a database written by the previous release (%s)', (kind) => {
  it('are backfilled: none on the samples, one on a sample whose decided applications were made 50 of 6', async () => {
    // Sample 001 (report 2): 6 received, none carried over, 5 decided. Printed as 50 decided, completionRate is 50 ÷ 6 > 1.
    const altered = `UPDATE table_cell SET value = 50 WHERE report_id = 2 AND table_code = 't3' AND row_code = 'resultsTotal' AND column_code = 'total'`;
    const [old, untouched] = await Promise.all([openPreviousRelease(kind, RELEASE, altered), openPreviousRelease(kind, RELEASE_BEFORE_WARNINGS)]);
    try {
      // [id, failing_checks as that release counted them, warning_checks backfilled]
      expect(await warningChecksOf(old.dataSource)).toEqual([
        [1, 0, 0],
        [2, 0, 1],
        [3, 0, 0],
        [4, 0, 0],
        [5, 0, 0],
      ]);
      // The five samples and the two 洪泽区 PDFs (21 → 95 applications, 4.52×): no warning; the 2023 PDF's two t4 row failures stay errors.
      expect((await warningChecksOf(untouched.dataSource)).map(([id, failing, warnings]) => [id, warnings, failing])).toEqual([
        [1, 0, 0],
        [2, 0, 0],
        [3, 0, 0],
        [4, 0, 0],
        [5, 0, 0],
        [6, 0, 2],
        [7, 0, 1],
      ]);
    } finally {
      await Promise.all([old.close(), untouched.close()]);
    }
  });
});

const PDF_FILES = ['hongze-2023.pdf', 'hongze-2024.pdf'].map((file) => join(FIXTURES, 'pdf', file));
const pdfPlaces = (records: ExportRecord[]) => records.filter((r) => r.reportId > 5).map((r) => [r.address, r.page, r.boxX, r.boxY, r.boxWidth, r.boxHeight]);

describe.each(DATABASE_KINDS)('a database written by the release before pages (%s)', (kind) => {
  it('migrates with no page or box stored; ingesting a PDF again reads them, as a new reading made current', async () => {
    const [old, fresh] = await Promise.all([openPreviousRelease(kind, RELEASE_BEFORE_PAGES), openTestDatabase(kind)]);
    try {
      for (const file of [...SAMPLE_FILES.map((f) => join(SEEDS, f)), ...PDF_FILES]) await ingestReport(fresh.dataSource, { bytes: readFileSync(file) });
      const [migrated, ingested] = await Promise.all([exportOf(old.dataSource), exportOf(fresh.dataSource)]);
      expect(migrated).toHaveLength(1400);
      // The PDFs' text was stored, not where it was printed: nothing to backfill from.
      expect(new Set(migrated.map((r) => `${r.page} ${r.boxX} ${r.boxY} ${r.boxWidth} ${r.boxHeight}`))).toEqual(new Set(['null null null null null']));
      const sections = (await old.dataSource.query('SELECT DISTINCT page FROM section')) as { page: number | null }[];
      expect(sections).toEqual([{ page: null }]);
      const stored = await old.dataSource.getRepository(ReportVersion).findOneByOrFail({ id: 6 });
      expect(new Set(stored.content.cells.map((c) => `${c.page} ${c.box}`))).toEqual(new Set(['null null']));
      expect(new Set(stored.content.sections.map((s) => s.page))).toEqual(new Set([null]));
      // Apart from pages, every cell reads as one ingested now.
      const withoutPlaces = (records: ExportRecord[]) => records.map(({ page: _p, boxX: _x, boxY: _y, boxWidth: _w, boxHeight: _h, ...rest }) => rest);
      expect(withoutPlaces(migrated)).toEqual(withoutPlaces(ingested));

      // The same PDF again is a reading with pages, not the same as the one stored: it replaces it.
      const again = [];
      for (const file of PDF_FILES) again.push(await ingestReport(old.dataSource, { bytes: readFileSync(file) }));
      expect(again.map((r) => [r.outcome, r.version.kind, r.version.id, r.version.changed])).toEqual([
        ['replaced', 'REPARSED', 8, []],
        ['replaced', 'REPARSED', 9, []],
      ]);
      const refilled = await exportOf(old.dataSource);
      expect(pdfPlaces(refilled)).toEqual(pdfPlaces(ingested));
      expect(refilled.find((r) => r.reportId === 6 && r.address === 't2/penalty/decisions')).toMatchObject({ raw: '4119', page: 3, boxX: 362.16 });
      // A text report ingested again is unchanged.
      const text = await ingestReport(old.dataSource, { bytes: readFileSync(join(SEEDS, SAMPLE_FILES[0]!)) });
      expect(text.outcome).toBe('unchanged');
    } finally {
      await Promise.all([old.close(), fresh.close()]);
    }
  });
});

describe.each(DATABASE_KINDS)('a database written by the release before plausibility warnings (%s)', (kind) => {
  it('migrates and reads exactly as one ingested now: the same cells, pages and versions; the same files again are unchanged', async () => {
    const [old, fresh] = await Promise.all([openPreviousRelease(kind, RELEASE_BEFORE_WARNINGS), openTestDatabase(kind)]);
    try {
      const files = [...SAMPLE_FILES.map((f) => join(SEEDS, f)), ...PDF_FILES];
      for (const file of files) await ingestReport(fresh.dataSource, { bytes: readFileSync(file) });
      const [migrated, ingested] = await Promise.all([exportOf(old.dataSource), exportOf(fresh.dataSource)]);
      expect(migrated).toHaveLength(1400);
      expect(migrated).toEqual(ingested);
      expect(await versionsOf(old.dataSource)).toEqual(await versionsOf(fresh.dataSource));
      expect(await warningChecksOf(old.dataSource)).toEqual(await warningChecksOf(fresh.dataSource));
      const again = [];
      for (const file of files) again.push((await ingestReport(old.dataSource, { bytes: readFileSync(file) })).outcome);
      expect(again).toEqual(Array(7).fill('unchanged'));
    } finally {
      await Promise.all([old.close(), fresh.close()]);
    }
  });
});
