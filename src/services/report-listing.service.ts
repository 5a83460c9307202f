import type { DataSource } from 'typeorm';
import { Agency } from '../entities/agency.entity';
import { Report } from '../entities/report.entity';
import type { ReportOrder } from '../schema/enums';
import type { AgencyFilter, ReportFilter } from '../schema/report-filter.input';
import { badUserInput } from '../server/errors';
import { paginate, type KeysetOrder, type PageRequest } from './pagination';

const REPORT_ORDERS: Record<ReportOrder, KeysetOrder<Report>> = {
  ID: { keys: [{ expression: 'report.id', value: (r) => r.id }], direction: 'ASC' },
  YEAR_ASC: { keys: [{ expression: 'report.year', value: (r) => r.year }, { expression: 'report.id', value: (r) => r.id }], direction: 'ASC' },
  YEAR_DESC: { keys: [{ expression: 'report.year', value: (r) => r.year }, { expression: 'report.id', value: (r) => r.id }], direction: 'DESC' },
  AGENCY_NAME: { keys: [{ expression: 'agency.name', value: (r) => r.agency.name }, { expression: 'report.id', value: (r) => r.id }], direction: 'ASC' },
};

export function listReports(dataSource: DataSource, filter: ReportFilter = {}, order: ReportOrder = 'ID', page: PageRequest = {}) {
  const query = dataSource.getRepository(Report).createQueryBuilder('report').innerJoinAndSelect('report.agency', 'agency');
  if (filter.years?.length) query.andWhere('report.year IN (:...years)', { years: filter.years });
  if (filter.agencyId !== undefined) query.andWhere('report.agency_id = :agencyId', { agencyId: parseId(filter.agencyId, 'filter.agencyId') });
  if (filter.agencyName) query.andWhere(`agency.name LIKE :agencyName ESCAPE '\\'`, { agencyName: `%${escapeLike(filter.agencyName)}%` });
  if (filter.generation) query.andWhere('report.generation = :generation', { generation: filter.generation });
  if (filter.hasFailingChecks !== undefined && filter.hasFailingChecks !== null) {
    query.andWhere(filter.hasFailingChecks ? 'report.failing_checks > 0' : 'report.failing_checks = 0');
  }
  return paginate(query, REPORT_ORDERS[order], page);
}

export function listAgencies(dataSource: DataSource, filter: AgencyFilter = {}, page: PageRequest = {}) {
  const query = dataSource.getRepository(Agency).createQueryBuilder('agency');
  if (filter.name) query.andWhere(`agency.name LIKE :name ESCAPE '\\'`, { name: `%${escapeLike(filter.name)}%` });
  return paginate(query, { keys: [{ expression: 'agency.name', value: (a) => a.name }, { expression: 'agency.id', value: (a) => a.id }], direction: 'ASC' }, page);
}

export async function findReport(dataSource: DataSource, args: { id?: string | null; agencyName?: string | null; year?: number | null }): Promise<Report | null> {
  const reports = dataSource.getRepository(Report);
  if (args.id != null) return reports.findOne({ where: { id: parseId(args.id, 'id') } });
  if (args.agencyName && args.year != null) return reports.findOne({ where: { agency: { name: args.agencyName }, year: args.year } });
  throw badUserInput('report needs id, or agencyName and year');
}

export async function findAgency(dataSource: DataSource, args: { id?: string | null; name?: string | null }): Promise<Agency | null> {
  const agencies = dataSource.getRepository(Agency);
  if (args.id != null) return agencies.findOne({ where: { id: parseId(args.id, 'id') } });
  if (args.name) return agencies.findOne({ where: { name: args.name } });
  throw badUserInput('agency needs id or name');
}

function parseId(id: string, field: string): number {
  const value = Number(id);
  if (!Number.isSafeInteger(value) || value <= 0) throw badUserInput(`${field}: "${id}" is not an id`, field);
  return value;
}

/** `%` and `_` in a searched name match literally (with `ESCAPE '\'`, on SQLite and PostgreSQL alike). */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
