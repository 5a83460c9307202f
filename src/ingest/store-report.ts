import { In, type DataSource, type EntityManager } from 'typeorm';
import { countFailing, runChecks } from '../checks/run-checks';
import { computeFigure, figureInputOf } from '../figures/compute-figures';
import { bulkInsert } from '../database/bulk-insert';
import { Agency } from '../entities/agency.entity';
import { Report } from '../entities/report.entity';
import { Section } from '../entities/section.entity';
import { TableCell } from '../entities/table-cell.entity';
import { findOrCreateAgency } from '../services/agency-metadata.service';
import { recountFailingChecks } from '../services/check-summary.service';
import { bumpDataVersion } from '../services/data-version.service';
import { buildReportFacts, type StoredReport } from '../services/report-facts';
import type { CellStatus, ParsedReport, ParsedSection } from './parsed-report.types';

export type StoreOutcome = 'stored' | 'replaced' | 'unchanged';

export interface StoreSource {
  contentHash: string;
  sourceFile: string | null;
  sourceFormat: string;
}

export interface StoreResult {
  outcome: StoreOutcome;
  reportId: number;
  /** The report as stored, read inside the transaction (so from the primary when reads go to replicas). */
  report: Report;
}

/** Attempts at a store that loses a race with a concurrent writer (another process or replica ingesting the same report). */
const ATTEMPTS = 8;

const SECTION_COLUMNS = ['report_id', 'parent_code', 'code', 'ordinal', 'title', 'text', 'line'];
const CELL_COLUMNS = ['report_id', 'table_code', 'row_code', 'column_code', 'ordinal', 'value', 'raw', 'status', 'inferred', 'rule', 'line'];

/**
 * Stores a parsed report in one transaction. The same content for the same
 * agency and year changes nothing; changed content replaces the report's
 * sections and cells and keeps its id. A failure leaves the database as it was.
 */
export async function storeReport(dataSource: DataSource, parsed: ParsedReport, source: StoreSource): Promise<StoreResult> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await storeOnce(dataSource, parsed, source);
    } catch (error) {
      // The other writer's report (or agency) is now there: the next attempt finds it and replaces or keeps it.
      if (attempt >= ATTEMPTS || !isConcurrentWriteConflict(error)) throw error;
      // Back off a little, at random, so the writers do not collide again in step.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}

/** A unique key taken by a concurrent transaction, or SQLite's snapshot gone stale under another process's write. */
function isConcurrentWriteConflict(error: unknown): boolean {
  const code = (error as { driverError?: { code?: string } }).driverError?.code ?? (error as { code?: string }).code;
  return code === '23505' || code === '40001' || code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || (code === 'SQLITE_CONSTRAINT_UNIQUE' && !/table_cell|section/.test(String(error)));
}

function storeOnce(dataSource: DataSource, parsed: ParsedReport, source: StoreSource): Promise<StoreResult> {
  return dataSource.transaction(async (manager) => {
    const agency = await findOrCreateAgency(manager, parsed.agencyName);
    const neighbours = await manager.find(Report, { where: { agencyId: agency.id, year: In([parsed.year - 1, parsed.year, parsed.year + 1]) } });
    const [previous, existing, next] = [-1, 0, 1].map((offset) => neighbours.find((r) => r.year === parsed.year + offset));
    if (existing?.contentHash === source.contentHash) return { outcome: 'unchanged', reportId: existing.id, report: existing };
    const previousCells = previous ? await cellFacts(manager, previous.id) : [];
    const sections = flatten(parsed.sections);
    const facts = buildReportFacts({ report: parsed, cells: parsed.cells, sections }, previous ? { report: previous, cells: previousCells } : undefined);
    const fields = {
      agencyId: agency.id,
      year: parsed.year,
      generation: parsed.generation,
      title: parsed.title,
      publishedAt: parsed.publishedAt,
      contentHash: source.contentHash,
      sourceFile: source.sourceFile,
      sourceFormat: source.sourceFormat,
      warnings: parsed.warnings,
      failingChecks: countFailing(runChecks(facts, parsed.cells.length > 0)),
      completenessCount: computeFigure('reportCompleteness', figureInputOf(facts)).numerator!,
    };
    let reportId: number;
    if (existing) {
      reportId = existing.id;
      await manager.delete(TableCell, { reportId });
      await manager.delete(Section, { reportId });
      await manager.update(Report, { id: reportId }, fields);
    } else {
      reportId = (await manager.insert(Report, fields)).identifiers[0]!.id as number;
    }
    await bulkInsert(manager, 'section', SECTION_COLUMNS, sections.map((s, ordinal) => [reportId, s.parentCode, s.code, ordinal, s.title, s.text, s.line]));
    await bulkInsert(
      manager,
      'table_cell',
      CELL_COLUMNS,
      parsed.cells.map((c, ordinal) => [reportId, c.table, c.row, c.column, ordinal, c.value, c.raw, c.status, c.inferred, c.rule, c.line]),
    );
    if (next) await recountFailingChecks(manager, next, { report: parsed, cells: parsed.cells });
    await bumpDataVersion(manager);
    return { outcome: existing ? 'replaced' : 'stored', reportId, report: await manager.findOneByOrFail(Report, { id: reportId }) };
  });
}

/** What checks read of a stored report's cells, without building entities (the hot path of ingest). */
async function cellFacts(manager: EntityManager, reportId: number): Promise<CellRow[]> {
  const rows: { table_code: string; row_code: string; column_code: string; value: number | null; status: CellStatus }[] = await manager
    .createQueryBuilder(TableCell, 'cell')
    .select(['cell.table_code AS table_code', 'cell.row_code AS row_code', 'cell.column_code AS column_code', 'cell.value AS value', 'cell.status AS status'])
    .where('cell.report_id = :reportId', { reportId })
    .getRawMany();
  return rows.map((r) => ({ table: r.table_code, row: r.row_code, column: r.column_code, value: r.value, status: r.status }));
}

type CellRow = StoredReport['cells'][number];

/** Parts and sub-parts in reading order, each sub-part naming its part. */
function flatten(sections: ParsedSection[]): (ParsedSection & { parentCode: string | null })[] {
  return sections.flatMap((part) => [{ ...part, parentCode: null }, ...part.children.map((child) => ({ ...child, parentCode: part.code }))]);
}
