import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { Agency } from '../entities/agency.entity';
import { Report } from '../entities/report.entity';
import type { TableCell } from '../entities/table-cell.entity';
import { badUserInput } from '../errors/bad-user-input';
import type { ReportOrder } from '../schema/enums';
import type { AgencyFilter, ReportFilter } from '../schema/report-filter.input';
import { cellsFromJson, cellsJsonAggregate } from './cell-json';
import { findAgencyNamed } from './agency-names.service';
import { applyAgencyFilter, applyReportFilter, parseId } from './report-filter';
import { paginate, type KeysetOrder, type PageRequest } from './pagination';

const REPORT_ORDERS: Record<ReportOrder, KeysetOrder<Report>> = {
  ID: { keys: [{ expression: 'report.id', kind: 'id', value: (r) => r.id }], direction: 'ASC' },
  YEAR_ASC: { keys: [{ expression: 'report.year', kind: 'year', value: (r) => r.year }, { expression: 'report.id', kind: 'id', value: (r) => r.id }], direction: 'ASC' },
  YEAR_DESC: { keys: [{ expression: 'report.year', kind: 'year', value: (r) => r.year }, { expression: 'report.id', kind: 'id', value: (r) => r.id }], direction: 'DESC' },
  AGENCY_NAME: { keys: [{ expression: 'agency.name', kind: 'name', value: (r) => r.agency.name }, { expression: 'report.id', kind: 'id', value: (r) => r.id }], direction: 'ASC' },
};

export function listReports(db: EntityManager, filter: ReportFilter = {}, order: ReportOrder = 'ID', page: PageRequest = {}) {
  const query = db.getRepository(Report).createQueryBuilder('report').innerJoinAndSelect('report.agency', 'agency');
  return paginate(applyReportFilter(query, filter), REPORT_ORDERS[order], page);
}

export function listAgencies(db: EntityManager, filter: AgencyFilter = {}, page: PageRequest = {}) {
  const query = applyAgencyFilter(db.getRepository(Agency).createQueryBuilder('agency'), filter);
  return paginate(query, { keys: [{ expression: 'agency.name', kind: 'name', value: (a) => a.name }, { expression: 'agency.id', kind: 'id', value: (a) => a.id }], direction: 'ASC' }, page);
}

export interface FoundReport {
  report: Report;
  /** The report's cells, when asked for with it. */
  cells?: TableCell[];
}

/** A report with its agency (nearly always asked for with it) and, when wanted, its cells: one statement (by name: one more to find the agency). */
export async function findReport(db: EntityManager, args: { id?: string | null; agencyName?: string | null; year?: number | null }, withCells = false): Promise<FoundReport | null> {
  const query = db.getRepository(Report).createQueryBuilder('report').innerJoinAndSelect('report.agency', 'agency');
  if (args.id != null) query.where('report.id = :id', { id: parseId(args.id, 'id') });
  else if (args.agencyName && args.year != null) query.where('agency.name = :agencyName AND report.year = :year', { agencyName: args.agencyName, year: args.year });
  else throw badUserInput('report needs id, or agencyName and year');
  const found = await reportOf(db, query, withCells);
  if (found || args.id != null) return found;
  // Not filed under that name: it may be another name the agency is known by (full, short, with its region in front).
  const agency = await findAgencyNamed(db, args.agencyName!, 'agencyName');
  return agency && agency.name !== args.agencyName ? findReport(db, { agencyName: agency.name, year: args.year }, withCells) : null;
}

async function reportOf(db: EntityManager, query: SelectQueryBuilder<Report>, withCells: boolean): Promise<FoundReport | null> {
  if (!withCells) {
    const report = await query.getOne();
    return report && { report };
  }
  const postgres = db.connection.options.type === 'postgres';
  query.addSelect(`(SELECT ${cellsJsonAggregate(postgres)} FROM table_cell cell WHERE cell.report_id = report.id)`, 'report_cells');
  const { entities, raw } = await query.getRawAndEntities<{ report_cells: Parameters<typeof cellsFromJson>[1] }>();
  const report = entities[0];
  return report ? { report, cells: cellsFromJson(report.id, raw[0]!.report_cells) } : null;
}

export async function findAgency(db: EntityManager, args: { id?: string | null; name?: string | null }): Promise<Agency | null> {
  if (args.id != null) return db.getRepository(Agency).findOne({ where: { id: parseId(args.id, 'id') } });
  if (args.name) return findAgencyNamed(db, args.name);
  throw badUserInput('agency needs id or name');
}
