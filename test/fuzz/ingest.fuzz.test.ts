import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSource } from '../../src/ingest/read-source';
import { IngestError } from '../../src/ingest/ingest-error';
import { ingestReport } from '../../src/ingest/ingest-report';
import { parseReport } from '../../src/ingest/parse-report';
import { cellAddress, templateCells } from '../../src/template/tables.template';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../helpers/test-databases';
import { baseReports, mutatedReport, tabReports } from './report-mutations';
import { savedReport, silentDifferences } from './saved-text-cases';

// `npm run fuzz` runs the same properties with 100,000 and 10,000 cases.
const PARSE_RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const STORE_RUNS = Number(process.env.FUZZ_STORE_RUNS ?? 40);
/** Replays a failure that a long run printed: FUZZ_SEED=… FUZZ_PATH=… */
const REPLAY = process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED), path: process.env.FUZZ_PATH, endOnFailure: true } : {};
const bases = baseReports();
const tabBases = tabReports();

/** Runs `read`; a refusal must be an IngestError with a message, anything else escaping fails the property. */
async function readOrRefuse<T>(read: () => T | Promise<T>): Promise<T | IngestError> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof IngestError && error.message.length > 0) return error;
    throw error;
  }
}

describe('fuzzing: every mutated report is read with warnings or refused with a clear error', () => {
  it(`read (any format) and parse (${PARSE_RUNS} cases): no other exception, and what is read fits the template`, async () => {
    await fc.assert(
      fc.asyncProperty(mutatedReport(bases), async ({ bytes }) => {
        const parsed = await readOrRefuse(async () => parseReport((await readSource(bytes)).text));
        if (parsed instanceof IngestError) return;
        const addresses = parsed.cells.map(cellAddress);
        expect(new Set(addresses).size).toBe(addresses.length);
        const own = new Set(templateCells(parsed.generation).map(cellAddress));
        for (const address of addresses) expect(own.has(address), `${address} in ${parsed.generation}`).toBe(true);
        for (const cell of parsed.cells) expect(cell.value === null || Number.isFinite(cell.value), `${cellAddress(cell)} = ${cell.value}`).toBe(true);
        expect(parsed.agencyName.length).toBeGreaterThan(0);
      }),
      { numRuns: PARSE_RUNS, ...REPLAY },
    );
  }, 600_000 + PARSE_RUNS * 50);

  it(`saved from a web page as text, in any shape (${PARSE_RUNS} cases): no value read differently from the tab original without a flag`, async () => {
    await fc.assert(
      fc.asyncProperty(savedReport(tabBases), async ({ tab, saved }) => {
        const original = await readOrRefuse(async () => parseReport((await readSource(Buffer.from(tab))).text));
        if (original instanceof IngestError) return;
        const read = await readOrRefuse(async () => parseReport((await readSource(Buffer.from(saved))).text));
        if (read instanceof IngestError) return;
        expect(silentDifferences(original, read)).toEqual([]);
      }),
      { numRuns: PARSE_RUNS, ...REPLAY },
    );
  }, 600_000 + PARSE_RUNS * 50);

  describe.each(DATABASE_KINDS)('stored on %s', (kind) => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await openTestDatabase(kind);
    });
    afterAll(() => database.close());

    it(`ingest (${STORE_RUNS} cases): stored whole or refused, and a refusal stores nothing`, async () => {
      const { dataSource } = database;
      const counts = async () => (await dataSource.query('SELECT (SELECT COUNT(*) FROM report) AS reports, (SELECT COUNT(*) FROM table_cell) AS cells'))[0] as { reports: number; cells: number };
      await fc.assert(
        fc.asyncProperty(mutatedReport(bases), async ({ bytes }) => {
          const before = await counts();
          const result = await readOrRefuse(() => ingestReport(dataSource, { bytes, fileName: 'fuzz.txt' }));
          if (result instanceof IngestError) {
            expect(await counts()).toEqual(before);
            return;
          }
          // A reading that reads less than the current one is kept as a version: nothing current changes.
          if (result.outcome === 'kept') {
            expect(await counts()).toEqual(before);
            expect(result.version.cellsTotal).toBe(result.report.cells.length);
            return;
          }
          const [stored] = await dataSource.query(`SELECT COUNT(*) AS cells FROM table_cell WHERE report_id = ${result.reportId}`);
          expect(Number(stored.cells)).toBe(result.report.cells.length);
        }),
        { numRuns: STORE_RUNS, ...REPLAY },
      );
    }, 600_000 + STORE_RUNS * 500);
  });
});
