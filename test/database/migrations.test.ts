import { execFile } from 'node:child_process';
import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { ingestReport } from '../../src/ingest/ingest-report';
import { FIXTURES, SAMPLE_FILES, SEEDS } from '../helpers/fixtures';
import { renderHtml } from '../helpers/render-formats';
import { openDatabase } from '../../src/database/data-source';
import { SQLITE_MIGRATIONS } from '../../src/database/migrations/sqlite';
import { BROKEN_VARIANTS, S001_2022 } from '../helpers/broken-variants';
import { previous2021Receiving } from '../helpers/plausibility-variants';
import { tempSqlitePath } from '../helpers/temp-database';
import { DATABASE_KINDS, openTestDatabase, POSTGRES_SKIP_MESSAGE, POSTGRES_URL } from '../helpers/test-databases';

/** Versions' content without the PDF pages and boxes, which the tables before versions did not hold, so a version backfilled from them has none. */
function withoutPages(versions: { content: string }[]): unknown[] {
  return versions.map((version) => {
    const { places: _places, ...content } = JSON.parse(version.content) as { places?: unknown; sections: unknown[][] };
    return { ...version, content: { ...content, sections: content.sections.map((section) => section.slice(0, 5)) } };
  });
}

describe.each(DATABASE_KINDS)('migrations (%s)', (kind) => {
  /** Stores reports, undoes the last `undo` migrations and runs them again: a backfill must give back what ingest wrote. */
  async function backfillRoundTrip<T>(undo: number, store: (dataSource: DataSource) => Promise<unknown>, read: (dataSource: DataSource) => Promise<T>): Promise<{ atIngest: T; backfilled: T }> {
    const { dataSource, close } = await openTestDatabase(kind);
    try {
      await store(dataSource);
      const atIngest = await read(dataSource);
      for (let i = 0; i < undo; i += 1) await dataSource.undoLastMigration();
      await dataSource.runMigrations();
      return { atIngest, backfilled: await read(dataSource) };
    } finally {
      await close();
    }
  }

  it('local names are backfilled to what ingest writes, a region in front left out', async () => {
    const { atIngest, backfilled } = await backfillRoundTrip(
      7,
      async (dataSource) => {
        for (const [agencyName, year] of [['淮安市洪泽区人民政府', 2021], ['驻马店经济开发区招商局', 2021], ['江苏省淮安市涟水县人民政府', 2021]] as const) {
          await ingestReport(dataSource, { bytes: readFileSync(join(SEEDS, SAMPLE_FILES[1]!)), agencyName, year });
        }
      },
      async (dataSource) => (await dataSource.query('SELECT name, local_name FROM agency ORDER BY name')) as { name: string; local_name: string }[],
    );
    expect(atIngest.map((a) => a.local_name).sort()).toEqual(['洪泽区人民政府', '涟水县人民政府', '驻马店经济开发区招商局'].sort());
    expect(backfilled).toEqual(atIngest);
  });

  it('the completeness count is backfilled from the stored sections and cells to what ingest computes', async () => {
    const { atIngest, backfilled } = await backfillRoundTrip(
      8,
      async (dataSource) => {
        for (const file of SAMPLE_FILES) await ingestReport(dataSource, { bytes: readFileSync(join(SEEDS, file)) });
      },
      async (dataSource) => ((await dataSource.query('SELECT id, completeness_count FROM report ORDER BY id')) as { completeness_count: number }[]).map((r) => Number(r.completeness_count)),
    );
    expect(atIngest).toHaveLength(5);
    expect(Math.min(...atIngest)).toBeGreaterThan(150);
    expect(backfilled).toEqual(atIngest);
  });

  it('each stored report becomes its version 1, its failing checks unreviewed, as ingest makes them', async () => {
    const { atIngest, backfilled } = await backfillRoundTrip(
      4,
      async (dataSource) => {
        // The 2023 PDF prints t4 totals that fail their row checks: two failing checks to count as unreviewed.
        for (const file of [join(FIXTURES, 'pdf', 'hongze-2023.pdf'), join(SEEDS, SAMPLE_FILES[0]!)]) await ingestReport(dataSource, { bytes: readFileSync(file), fileName: file });
      },
      async (dataSource) => ({
        reports: ((await dataSource.query('SELECT id, failing_checks, unreviewed_failures, current_version_id FROM report ORDER BY id')) as Record<string, unknown>[]).map((row) => Object.values(row).map(Number)),
        versions: withoutPages(await dataSource.query('SELECT id, agency_id, year, parent_id, kind, source_file, content_hash, source_format, source_encoding, changed, cells_read, cells_total, parts, content FROM report_version ORDER BY id')),
      }),
    );
    expect(atIngest.reports).toEqual([
      [1, 2, 2, 1],
      [2, 0, 0, 2],
    ]);
    expect(backfilled).toEqual(atIngest);
  });

  it('plausibility warnings (jumps, rates) are backfilled to what ingest counts', async () => {
    const { atIngest, backfilled } = await backfillRoundTrip(
      1,
      async (dataSource) => {
        // A jump from 16 to 3 applications (2021 → 2022), and a report whose unableRate is 3 ÷ 2.
        for (const text of [previous2021Receiving(16), S001_2022, BROKEN_VARIANTS[0]!.text]) await ingestReport(dataSource, { bytes: Buffer.from(text) });
      },
      async (dataSource) => ((await dataSource.query('SELECT id, failing_checks, warning_checks FROM report ORDER BY id')) as Record<string, unknown>[]).map((row) => Object.values(row).map(Number)),
    );
    // [id, failing_checks, warning_checks]; 2021 printing 16 received breaks its naturalPerson and total balances and its text's 6 received.
    expect(atIngest).toEqual([
      [1, 3, 0],
      [2, 0, 1],
      [3, 2, 1],
    ]);
    expect(backfilled).toEqual(atIngest);
  });

  it('the source text of each report and version (pdf, text/utf-8, html/gb18030) splits into its format and encoding, as ingest now stores them', async () => {
    const sources = (dataSource: DataSource, table: string) => dataSource.query(`SELECT source_format, source_encoding FROM ${table} ORDER BY id`) as Promise<unknown[]>;
    const { dataSource, close } = await openTestDatabase(kind);
    try {
      const text = readFileSync(join(SEEDS, SAMPLE_FILES[0]!), 'utf8');
      await ingestReport(dataSource, { bytes: readFileSync(join(FIXTURES, 'pdf', 'hongze-2023.pdf')) });
      await ingestReport(dataSource, { bytes: Buffer.from(text) });
      await ingestReport(dataSource, { bytes: iconv.encode(renderHtml(readFileSync(join(SEEDS, SAMPLE_FILES[1]!), 'utf8'), 'gbk'), 'gbk') });
      const atIngest = { reports: await sources(dataSource, 'report'), versions: await sources(dataSource, 'report_version') };
      const split = [
        { source_format: 'PDF', source_encoding: null },
        { source_format: 'TEXT', source_encoding: 'utf-8' },
        { source_format: 'HTML', source_encoding: 'gb18030' },
      ];
      expect(atIngest).toEqual({ reports: split, versions: split });
      for (let i = 0; i < 3; i += 1) await dataSource.undoLastMigration();
      // What the release before wrote: format and encoding in one text.
      expect((await dataSource.query('SELECT source_format FROM report_version ORDER BY id')) as unknown[]).toEqual([{ source_format: 'pdf' }, { source_format: 'text/utf-8' }, { source_format: 'html/gb18030' }]);
      await dataSource.runMigrations();
      expect({ reports: await sources(dataSource, 'report'), versions: await sources(dataSource, 'report_version') }).toEqual(atIngest);
    } finally {
      await close();
    }
  });

  it('a database written by the earlier migrations gets a cursor secret of its own, its reports kept', async () => {
    const secretOf = async (dataSource: DataSource) => ((await dataSource.query('SELECT id, secret FROM cursor_secret')) as { id: number; secret: string }[]).map((row) => ({ ...row, id: Number(row.id) }));
    const [{ dataSource, close }, other] = await Promise.all([openTestDatabase(kind), openTestDatabase(kind)]);
    try {
      await ingestReport(dataSource, { bytes: readFileSync(join(SEEDS, SAMPLE_FILES[1]!)) });
      for (let i = 0; i < 6; i += 1) await dataSource.undoLastMigration();
      await expect(dataSource.query('SELECT secret FROM cursor_secret')).rejects.toThrow();
      await dataSource.runMigrations();
      const [row, ...more] = await secretOf(dataSource);
      expect({ id: row!.id, more }).toEqual({ id: 1, more: [] });
      expect(row!.secret).toMatch(/^[0-9a-f]{64}$/);
      expect((await secretOf(other.dataSource))[0]!.secret).not.toBe(row!.secret);
      expect(await dataSource.query('SELECT COUNT(*) AS n FROM report')).toEqual([{ n: kind === 'postgres' ? '1' : 1 }]);
    } finally {
      await Promise.all([close(), other.close()]);
    }
  });

  it.runIf(kind === 'postgres')('a database written by the earlier migrations gets the cell address index, which serves a one-measure aggregate', async () => {
    const { dataSource, close } = await openTestDatabase(kind);
    const plan = async () => JSON.stringify(await dataSource.query(`EXPLAIN SELECT report_id, value FROM table_cell WHERE table_code = 't3' AND row_code = 'new' AND column_code = 'total'`));
    try {
      for (const file of SAMPLE_FILES) await ingestReport(dataSource, { bytes: readFileSync(join(SEEDS, file)) });
      for (let i = 0; i < 5; i += 1) await dataSource.undoLastMigration();
      await dataSource.query('SET enable_seqscan = off');
      expect(await plan()).not.toContain('table_cell_by_address');
      await dataSource.runMigrations();
      expect(await plan()).toContain('Index Only Scan using table_cell_by_address');
      expect(await dataSource.query('SELECT COUNT(*)::int AS n FROM table_cell')).toEqual([{ n: 1000 }]);
    } finally {
      await close();
    }
  });

  it('build exactly the schema the entities describe', async () => {
    const { dataSource, close } = await openTestDatabase(kind);
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      if (kind === 'sqlite') {
        expect(await dataSource.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
        expect(await dataSource.query('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }]);
      }
    } finally {
      await close();
    }
  });
});

describe('migrations (sqlite, several processes starting at once)', () => {
  /** Opens the file in a process of its own, as a starting gateway does (needs `npm run build`, which `npm test` does). */
  function openInProcess(path: string): Promise<string> {
    const script = `require('./dist/database/data-source').openDatabase({ kind: 'sqlite', path: ${JSON.stringify(path)} }).then((d) => d.destroy())`;
    return new Promise((resolve, reject) =>
      execFile(process.execPath, ['-e', script], { cwd: join(__dirname, '..', '..') }, (error, _stdout, stderr) => (error ? reject(new Error(stderr || String(error))) : resolve(stderr))),
    );
  }

  it('processes racing to open a new file all open it, each migration run once', async () => {
    for (let round = 0; round < 3; round += 1) {
      const file = tempSqlitePath();
      try {
        await Promise.all(Array.from({ length: 6 }, () => openInProcess(file.path)));
        const dataSource = await openDatabase({ kind: 'sqlite', path: file.path }, { migrate: false });
        const runs: { name: string }[] = await dataSource.query('SELECT name FROM migrations ORDER BY id');
        await dataSource.destroy();
        expect(runs.map((run) => run.name)).toEqual(SQLITE_MIGRATIONS.map((migration) => migration.name));
      } finally {
        file.cleanup();
      }
    }
  });
});

if (POSTGRES_URL === undefined) {
  describe('PostgreSQL', () => {
    it.skip(POSTGRES_SKIP_MESSAGE, () => undefined);
  });
}
