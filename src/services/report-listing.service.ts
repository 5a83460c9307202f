import type { EntityManager } from 'typeorm';
import { Agency } from '../entities/agency.entity';
import { Report } from '../entities/report.entity';
import { badUserInput } from '../errors/bad-user-input';
import type { ReportOrder } from '../schema/enums';
import type { AgencyFilter, ReportFilter } from '../schema/report-filter.input';
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

export async function findReport(db: EntityManager, args: { id?: string | null; agencyName?: string | null; year?: number | null }): Promise<Report | null> {
  // One statement, with the agency: a report is nearly always asked for with its agency's name.
  const report = db.getRepository(Report).createQueryBuilder('report').innerJoinAndSelect('report.agency', 'agency');
  if (args.id != null) return report.where('report.id = :id', { id: parseId(args.id, 'id') }).getOne();
  if (args.agencyName && args.year != null) return report.where('agency.name = :name AND report.year = :year', { name: args.agencyName, year: args.year }).getOne();
  throw badUserInput('report needs id, or agencyName and year');
}

export async function findAgency(db: EntityManager, args: { id?: string | null; name?: string | null }): Promise<Agency | null> {
  const agencies = db.getRepository(Agency);
  if (args.id != null) return agencies.findOne({ where: { id: parseId(args.id, 'id') } });
  if (args.name) return agencies.findOne({ where: { name: args.name } });
  throw badUserInput('agency needs id or name');
}
