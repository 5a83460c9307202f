import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { Agency } from '../entities/agency.entity';
import { ReportVersion } from '../entities/report-version.entity';
import { Report } from '../entities/report.entity';
import { TableCell } from '../entities/table-cell.entity';
import type { VersionCell } from '../entities/history.types';
import type { ParsedCell } from '../ingest/parsed-report.types';
import { cellAddress } from '../template/tables.template';
import { findAgencyNamed } from './agency-names.service';

/** One cell of a report with its report and address (the generated corpus's truth holds these). */
export interface CellRecord extends Omit<ParsedCell, 'page' | 'box' | 'offset'> {
  reportId: number;
  agency: string;
  year: number;
  address: string;
}

/** An exported cell (docs/export.md): a CellRecord with, read from a PDF, its page and box, the version it comes from and its correction, if any. */
export interface ExportRecord extends CellRecord, Pick<VersionCell, 'page' | 'corrected' | 'correctionReason' | 'valueBefore' | 'statusBefore'> {
  boxX: number | null;
  boxY: number | null;
  boxWidth: number | null;
  boxHeight: number | null;
  versionId: number;
}

export const CELL_RECORD_FIELDS: readonly (keyof ExportRecord)[] = [
  'reportId', 'agency', 'year', 'table', 'row', 'column', 'address', 'value', 'raw', 'status', 'inferred', 'rule', 'line', 'page', 'boxX', 'boxY', 'boxWidth', 'boxHeight', 'versionId', 'corrected', 'correctionReason', 'valueBefore', 'statusBefore',
];

/** Reports read per batch: memory stays bounded however large the database. */
const REPORT_BATCH = 200;

export interface ExportFilter {
  years?: number[];
  /** Agencies by any name each is known by (agenciesNamed); a name that finds none keeps nothing. */
  agencies?: string[];
  tables?: string[];
}

/** Every current cell (or those the filter keeps), report by report (by id) in template order. */
export async function* exportCells(db: EntityManager, filter: ExportFilter = {}): AsyncGenerator<ExportRecord> {
  const agencyIds = await agencyIdsOf(db, filter.agencies);
  let afterId = 0;
  for (;;) {
    const query = db
      .getRepository(Report)
      .createQueryBuilder('report')
      .innerJoinAndSelect('report.agency', 'agency')
      .where('report.id > :afterId', { afterId });
    if (filter.years?.length) query.andWhere('report.year IN (:...years)', { years: filter.years });
    if (agencyIds) query.andWhere(agencyIds.length > 0 ? 'report.agency_id IN (:...agencyIds)' : '1 = 0', { agencyIds });
    const reports = await query.orderBy('report.id', 'ASC').take(REPORT_BATCH).getMany();
    if (reports.length === 0) return;
    const cells = await db.getRepository(TableCell).find({
      where: { reportId: In(reports.map((r) => r.id)), ...(filter.tables?.length ? { table: In(filter.tables) } : {}) },
      order: { reportId: 'ASC', ordinal: 'ASC' },
    });
    const byId = new Map(reports.map((r) => [r.id, r]));
    for (const cell of cells) {
      const report = byId.get(cell.reportId)!;
      yield recordOf(cell.reportId, report.agency.name, report.year, cell, report.currentVersionId!);
    }
    afterId = reports[reports.length - 1]!.id;
  }
}

/**
 * The cells of every version (or those the filter keeps), version by version
 * (by id); reportId is the report's while it is stored, else null.
 */
export async function* exportVersionCells(db: EntityManager, filter: ExportFilter = {}): AsyncGenerator<Omit<ExportRecord, 'reportId'> & { reportId: number | null }> {
  const agencyIds = await agencyIdsOf(db, filter.agencies);
  let afterId = 0;
  for (;;) {
    const query = db.getRepository(ReportVersion).createQueryBuilder('version').where('version.id > :afterId', { afterId });
    if (filter.years?.length) query.andWhere('version.year IN (:...years)', { years: filter.years });
    if (agencyIds) query.andWhere(agencyIds.length > 0 ? 'version.agency_id IN (:...agencyIds)' : '1 = 0', { agencyIds });
    const versions = await query.orderBy('version.id', 'ASC').limit(REPORT_BATCH).getMany();
    if (versions.length === 0) return;
    const agencies = await db.getRepository(Agency).findBy({ id: In(versions.map((v) => v.agencyId)) });
    const agencyNames = new Map(agencies.map((a) => [a.id, a.name]));
    const reports = await db.getRepository(Report).find({ select: { id: true, agencyId: true, year: true }, where: { agencyId: In(versions.map((v) => v.agencyId)), year: In(versions.map((v) => v.year)) } });
    for (const version of versions) {
      const report = reports.find((r) => r.agencyId === version.agencyId && r.year === version.year);
      for (const cell of version.content.cells) {
        if (filter.tables?.length && !filter.tables.includes(cell.table)) continue;
        yield recordOf(report?.id ?? null, agencyNames.get(version.agencyId)!, version.year, cell, version.id);
      }
    }
    afterId = versions[versions.length - 1]!.id;
  }
}

/** The ids of the agencies the names find; undefined: no names given, every agency. */
async function agencyIdsOf(db: EntityManager, names: string[] | undefined): Promise<number[] | undefined> {
  if (!names?.length) return undefined;
  const found = await Promise.all(names.map((name) => findAgencyNamed(db, name, 'agency')));
  return found.filter((agency) => agency !== null).map((agency) => agency.id);
}

/** One record, its fields in the export's column order. */
function recordOf<Id extends number | null>(reportId: Id, agency: string, year: number, cell: VersionCell, versionId: number): Omit<ExportRecord, 'reportId'> & { reportId: Id } {
  return {
    reportId,
    agency,
    year,
    table: cell.table,
    row: cell.row,
    column: cell.column,
    address: cellAddress(cell),
    value: cell.value,
    raw: cell.raw,
    status: cell.status,
    inferred: cell.inferred,
    rule: cell.rule,
    line: cell.line,
    page: cell.page,
    boxX: cell.box?.x ?? null,
    boxY: cell.box?.y ?? null,
    boxWidth: cell.box?.width ?? null,
    boxHeight: cell.box?.height ?? null,
    versionId,
    corrected: cell.corrected,
    correctionReason: cell.correctionReason,
    valueBefore: cell.valueBefore,
    statusBefore: cell.statusBefore,
  };
}
