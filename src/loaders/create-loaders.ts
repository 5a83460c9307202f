import DataLoader from 'dataloader';
import { In, type EntityManager, type FindOperator } from 'typeorm';
import type { ReportFacts } from '../checks/report-facts';
import { Agency } from '../entities/agency.entity';
import { CheckReview } from '../entities/check-review.entity';
import { IngestBatchItem } from '../entities/ingest-batch-item.entity';
import { ReportVersion } from '../entities/report-version.entity';
import { Report } from '../entities/report.entity';
import { Section } from '../entities/section.entity';
import { TableCell } from '../entities/table-cell.entity';
import { PREVIOUS_YEAR_ADDRESSES } from '../checks/cross-year.checks';
import { buildReportFacts } from '../services/report-facts';
import { analyseReport, type ReportAnalysis, type ReportAnalysisCache } from '../services/report-analysis';
import { createBenchmarkLoader } from './benchmark.loader';
import { loadCells } from './load-cells';
import { createPeerCheckLoader } from './peer-statistics.loader';

export type Loaders = ReturnType<typeof createLoaders>;

/**
 * Per-request batching: one query per kind of thing per tick, however many
 * reports a page holds.
 */
export function createLoaders(db: EntityManager, analyses?: ReportAnalysisCache) {
  const agency = new DataLoader<number, Agency | undefined>(async (ids) => {
    const rows = new Map((await db.getRepository(Agency).findBy({ id: In([...ids]) })).map((row) => [row.id, row]));
    return ids.map((id) => rows.get(id));
  });
  const cells = new DataLoader<number, TableCell[]>((reportIds) => loadCells(db, reportIds));
  /** Only the cells a following year's cross-year checks read: a page's previous years cost a few rows each, not whole tables. */
  const crossYearCells = new DataLoader<number, TableCell[]>((reportIds) => loadCells(db, reportIds, PREVIOUS_YEAR_ADDRESSES));
  const sections = new DataLoader<number, Section[]>(async (reportIds) =>
    groupBy(reportIds, await db.getRepository(Section).find({ where: { reportId: In([...reportIds]) }, order: { ordinal: 'ASC' } }), (s) => s.reportId),
  );
  const childAgencies = new DataLoader<number, Agency[]>(async (parentIds) =>
    groupBy(parentIds, await db.getRepository(Agency).find({ where: { parentId: In([...parentIds]) }, order: { name: 'ASC' } }), (a) => a.parentId!),
  );
  const reportsByAgency = new DataLoader<number, Report[]>(async (agencyIds) =>
    groupBy(agencyIds, await db.getRepository(Report).find({ where: { agencyId: In([...agencyIds]) }, order: { year: 'DESC' } }), (r) => r.agencyId),
  );
  /** Key: `${agencyId}:${year}`. */
  const reportByAgencyYear = new DataLoader<string, Report | undefined>(async (keys) =>
    (await byAgencyYear(keys, (where) => db.getRepository(Report).find({ where }))).map((rows) => rows[0]),
  );
  /** Key: `${agencyId}:${year}`; newest first. */
  const versions = new DataLoader<string, ReportVersion[]>(async (keys) => byAgencyYear(keys, (where) => db.getRepository(ReportVersion).find({ where, order: { id: 'DESC' } })));
  /** Key: `${agencyId}:${year}`; oldest first. */
  const reviews = new DataLoader<string, CheckReview[]>(async (keys) => byAgencyYear(keys, (where) => db.getRepository(CheckReview).find({ where, order: { id: 'ASC' } })));
  const batchItems = new DataLoader<number, IngestBatchItem[]>(async (batchIds) =>
    groupBy(batchIds, await db.getRepository(IngestBatchItem).find({ where: { batchId: In([...batchIds]) }, order: { id: 'ASC' } }), (item) => item.batchId),
  );
  const previousReport = (report: Report) => reportByAgencyYear.load(`${report.agencyId}:${report.year - 1}`);
  const facts = new DataLoader<Report, ReportFacts, number>(
    async (reports) =>
      Promise.all(
        reports.map(async (report) => {
          const [ownCells, ownSections, previous] = await Promise.all([cells.load(report.id), sections.load(report.id), previousReport(report)]);
          const previousCells = previous ? await crossYearCells.load(previous.id) : [];
          return buildReportFacts({ report, cells: ownCells, sections: ownSections }, previous ? { report: previous, cells: previousCells } : undefined);
        }),
      ),
    { cacheKeyFn: (report) => report.id },
  );
  const analysis = new DataLoader<Report, ReportAnalysis, number>(
    async (reports) =>
      Promise.all(
        reports.map(async (report) => {
          const previous = await previousReport(report);
          const compute = async () => {
            const [reportFacts, ownCells] = await Promise.all([facts.load(report), cells.load(report.id)]);
            return analyseReport(reportFacts, ownCells.length > 0);
          };
          return analyses ? analyses.analysis(report, previous, compute) : compute();
        }),
      ),
    { cacheKeyFn: (report) => report.id },
  );
  const benchmark = createBenchmarkLoader(db, cells);
  const peerChecks = createPeerCheckLoader(db);
  return { agency, childAgencies, cells, sections, reportsByAgency, reportByAgencyYear, previousReport, facts, analysis, peerChecks, versions, reviews, batchItems, benchmark };
}

interface AgencyYearRow {
  agencyId: number;
  year: number;
}

/** Rows of many `${agencyId}:${year}` keys in one query, grouped by key in the order the query gave them. */
async function byAgencyYear<T extends AgencyYearRow>(keys: readonly string[], find: (where: { agencyId: FindOperator<number>; year: FindOperator<number> }) => Promise<T[]>): Promise<T[][]> {
  const pairs = keys.map((key) => key.split(':').map(Number) as [number, number]);
  const rows = await find({ agencyId: In(pairs.map((p) => p[0])), year: In(pairs.map((p) => p[1])) });
  return pairs.map(([agencyId, year]) => rows.filter((r) => r.agencyId === agencyId && r.year === year));
}

function groupBy<K, T>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): T[][] {
  const groups = new Map<K, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key)!);
}
