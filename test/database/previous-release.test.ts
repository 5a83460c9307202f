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

async function openPreviousRelease(kind: DatabaseKind): Promise<{ dataSource: DataSource; close(): Promise<void> }> {
  if (kind === 'sqlite') {
    const file = tempSqlitePath();
    copyFileSync(`${RELEASE}.sqlite`, file.path);
    const dataSource = await openDatabase({ kind: 'sqlite', path: file.path });
    return { dataSource, close: async () => (await dataSource.destroy(), file.cleanup()) };
  }
  const database = await tempPostgresDatabase('nianbao_release');
  const loader = new Client({ connectionString: database.url });
  await loader.connect();
  await loader.query(readFileSync(`${RELEASE}.postgres.sql`, 'utf8'));
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
