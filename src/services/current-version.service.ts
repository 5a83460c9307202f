import { In, type EntityManager } from 'typeorm';
import { countFailing, countWarnings, runChecks } from '../checks/run-checks';
import { bulkInsert } from '../database/bulk-insert';
import type { VersionContent, VersionKind } from '../entities/history.types';
import { Report } from '../entities/report.entity';
import { ReportVersion } from '../entities/report-version.entity';
import { Section } from '../entities/section.entity';
import type { SourceKind } from '../entities/source-format.types';
import { TableCell } from '../entities/table-cell.entity';
import { versionStats } from '../entities/version-content';
import { computeFigure, figureInputOf } from '../figures/compute-figures';
import { cellContentValues, CELL_CONTENT_COLUMNS } from './cell-columns';
import { countUnreviewed, reviewsOf } from './check-review';
import { recountFailingChecks } from './check-summary.service';
import { bumpDataVersion } from './data-version.service';
import { buildReportFacts, type StoredReport } from './report-facts';
import { diffContents } from './version-reading';

const SECTION_COLUMNS = ['report_id', 'parent_code', 'code', 'ordinal', 'title', 'text', 'line', 'page'];
const CELL_COLUMNS = ['report_id', 'ordinal', ...CELL_CONTENT_COLUMNS];

export interface NewVersion extends SourceKind {
  agencyId: number;
  year: number;
  parent: ReportVersion | null;
  kind: VersionKind;
  sourceFile: string | null;
  contentHash: string;
  createdBy: string | null;
  reason: string | null;
  content: VersionContent;
}

/** Writes a version (never changed afterwards), with what it changed against its parent. */
export async function insertVersion(manager: EntityManager, version: NewVersion): Promise<ReportVersion> {
  const { parent, ...fields } = version;
  const changed = parent ? diffContents(parent.content, version.content).map((change) => change.address) : [];
  const row = { ...fields, parentId: parent?.id ?? null, changed, ...versionStats(version.content) };
  // insert, not create + save: create would deep-copy the content, cell by cell, on the ingest path.
  const { generatedMaps } = await manager.insert(ReportVersion, row);
  return Object.assign(new ReportVersion(), row, generatedMaps[0]);
}

/**
 * Makes a version the report's current one: the report's row, sections and
 * cells become the version's, its checks are counted, and so are the next
 * year's (their cross-year checks read this one). Inside the caller's transaction.
 * `firstReading`: no version of this agency and year was stored before, so no check of it was reviewed.
 */
export async function makeCurrent(manager: EntityManager, version: ReportVersion, firstReading = false): Promise<Report> {
  const { agencyId, year, content } = version;
  const neighbours = await manager.find(Report, { where: { agencyId, year: In([year - 1, year, year + 1]) } });
  const [previous, existing, next] = [-1, 0, 1].map((offset) => neighbours.find((r) => r.year === year + offset));
  const previousCells = previous ? await cellFacts(manager, previous.id) : [];
  const facts = buildReportFacts({ report: { year, generation: content.generation }, cells: content.cells, sections: content.sections }, previous ? { report: previous, cells: previousCells } : undefined);
  const checks = runChecks(facts, content.cells.length > 0);
  const fields = {
    agencyId,
    year,
    generation: content.generation,
    title: content.title,
    publishedAt: content.publishedAt,
    contentHash: version.contentHash,
    sourceFile: version.sourceFile,
    sourceFormat: version.sourceFormat,
    sourceEncoding: version.sourceEncoding,
    warnings: content.warnings,
    failingChecks: countFailing(checks),
    warningChecks: countWarnings(checks),
    unreviewedFailures: firstReading ? countFailing(checks) : countUnreviewed(checks, await reviewsOf(manager, agencyId, year)),
    completenessCount: computeFigure('reportCompleteness', figureInputOf(facts)).numerator!,
    currentVersionId: version.id,
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
  await bulkInsert(manager, 'section', SECTION_COLUMNS, content.sections.map((s, ordinal) => [reportId, s.parentCode, s.code, ordinal, s.title, s.text, s.line, s.page]));
  await bulkInsert(
    manager,
    'table_cell',
    CELL_COLUMNS,
    content.cells.map((cell, ordinal) => [reportId, ordinal, ...cellContentValues(cell)]),
  );
  if (next) await recountFailingChecks(manager, next, { report: { year, generation: content.generation }, cells: content.cells });
  await bumpDataVersion(manager);
  return manager.findOneByOrFail(Report, { id: reportId });
}

/** Deletes a report's current row, sections and cells (its versions stay), and recounts the next year's checks. */
export async function removeReport(manager: EntityManager, report: Report): Promise<void> {
  await manager.delete(Report, { id: report.id });
  const next = await manager.findOneBy(Report, { agencyId: report.agencyId, year: report.year + 1 });
  if (next) await recountFailingChecks(manager, next, undefined);
  await bumpDataVersion(manager);
}

/** What checks read of a stored report's cells, without building entities (the hot path of ingest). */
async function cellFacts(manager: EntityManager, reportId: number): Promise<StoredReport['cells']> {
  const rows: { table_code: string; row_code: string; column_code: string; value: number | null; status: TableCell['status'] }[] = await manager
    .createQueryBuilder(TableCell, 'cell')
    .select(['cell.table_code AS table_code', 'cell.row_code AS row_code', 'cell.column_code AS column_code', 'cell.value AS value', 'cell.status AS status'])
    .where('cell.report_id = :reportId', { reportId })
    .getRawMany();
  return rows.map((r) => ({ table: r.table_code, row: r.row_code, column: r.column_code, value: r.value, status: r.status }));
}
