import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import type { ReportFacts } from '../checks/report-facts';
import { Agency } from '../entities/agency.entity';
import { Report } from '../entities/report.entity';
import { Section } from '../entities/section.entity';
import { TableCell } from '../entities/table-cell.entity';
import { PREVIOUS_YEAR_ADDRESSES } from '../checks/cross-year.checks';
import { buildReportFacts } from '../services/report-facts';

export type Loaders = ReturnType<typeof createLoaders>;

/**
 * Per-request batching: one query per kind of thing per tick, however many
 * reports a page holds.
 */
export function createLoaders(db: EntityManager) {
  const agency = new DataLoader<number, Agency | undefined>(async (ids) => {
    const rows = await db.getRepository(Agency).findBy({ id: In([...ids]) });
    return ids.map((id) => rows.find((row) => row.id === id));
  });
  const cells = new DataLoader<number, TableCell[]>(async (reportIds) => groupBy(reportIds, await loadCells(db, reportIds), (c) => c.reportId));
  /** Only the cells a following year's cross-year checks read: a page's previous years cost a few rows each, not whole tables. */
  const crossYearCells = new DataLoader<number, TableCell[]>(async (reportIds) =>
    groupBy(reportIds, await loadCells(db, reportIds, PREVIOUS_YEAR_ADDRESSES), (c) => c.reportId),
  );
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
  const reportByAgencyYear = new DataLoader<string, Report | undefined>(async (keys) => {
    const pairs = keys.map((key) => key.split(':').map(Number) as [number, number]);
    const rows = await db.getRepository(Report).find({ where: { agencyId: In(pairs.map((p) => p[0])), year: In(pairs.map((p) => p[1])) } });
    return pairs.map(([agencyId, year]) => rows.find((r) => r.agencyId === agencyId && r.year === year));
  });
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
  return { agency, childAgencies, cells, sections, reportsByAgency, previousReport, facts };
}

/**
 * Cells of many reports in template order (or only the given addresses), built
 * straight from rows: a page holds tens of thousands, and entity hydration would dominate.
 */
async function loadCells(db: EntityManager, reportIds: readonly number[], addresses?: readonly string[]): Promise<TableCell[]> {
  const query = db
    .getRepository(TableCell)
    .createQueryBuilder('cell')
    .select(CELL_COLUMNS.map((column) => `cell.${column}`).join(', '))
    .where('cell.report_id IN (:...reportIds)', { reportIds });
  if (addresses) {
    const part = (i: number) => [...new Set(addresses.map((a) => a.split('/')[i]!))];
    query.andWhere('cell.table_code IN (:...tables) AND cell.row_code IN (:...rows) AND cell.column_code IN (:...columns)', { tables: part(0), rows: part(1), columns: part(2) });
  }
  const rows: CellRow[] = await query.orderBy('cell.report_id').addOrderBy('cell.ordinal').getRawMany();
  const wanted = addresses && new Set(addresses);
  const cells: TableCell[] = [];
  for (const row of rows) {
    const cell = new TableCell();
    cell.id = row.id;
    cell.reportId = row.report_id;
    cell.table = row.table_code;
    cell.row = row.row_code;
    cell.column = row.column_code;
    cell.ordinal = row.ordinal;
    cell.value = row.value;
    cell.raw = row.raw;
    cell.status = row.status;
    cell.inferred = Boolean(row.inferred); // SQLite keeps booleans as 0/1
    cell.rule = row.rule;
    cell.line = row.line;
    if (!wanted || wanted.has(cell.address)) cells.push(cell);
  }
  return cells;
}

const CELL_COLUMNS = ['id', 'report_id', 'table_code', 'row_code', 'column_code', 'ordinal', 'value', 'raw', 'status', 'inferred', 'rule', 'line'] as const;
type CellRow = { [K in (typeof CELL_COLUMNS)[number]]: never };

function groupBy<K, T>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): T[][] {
  const groups = new Map<K, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key)!);
}
