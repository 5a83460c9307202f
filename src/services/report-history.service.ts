import type { EntityManager, FindOptionsWhere } from 'typeorm';
import { Report } from '../entities/report.entity';
import { ReportVersion } from '../entities/report-version.entity';
import { badUserInput } from '../errors/bad-user-input';
import { MAX_REASON_LENGTH } from '../schema/argument-limits';
import { findAgencyNamed } from './agency-names.service';

/**
 * A report about to change its current version, locked to the transaction on
 * PostgreSQL so that two changes to one report run one after the other, the
 * second building on the first (SQLite has a single writer anyway).
 */
export function reportForChange(manager: EntityManager, where: FindOptionsWhere<Report>): Promise<Report | null> {
  const lock = manager.connection.options.type === 'postgres' ? { mode: 'pessimistic_write' as const } : undefined;
  return manager.findOne(Report, { where, lock });
}

/** A stored report and its current version, or a clear refusal naming the argument. */
export async function currentOf(manager: EntityManager, reportId: number, where: string): Promise<{ report: Report; current: ReportVersion }> {
  const report = await reportForChange(manager, { id: reportId });
  if (!report) throw badUserInput(`${where}: there is no report ${reportId}`, 'reportId');
  const current = await manager.findOneByOrFail(ReportVersion, { id: report.currentVersionId! });
  return { report, current };
}

/** A reason (or note) a change must carry: trimmed, not empty. */
export function requiredReason(text: string, where: string): string {
  const reason = text.trim();
  const field = where.replace(/^.*\((\w+)\)$/, '$1');
  if (reason === '') throw badUserInput(`${where}: must not be empty; it is kept with the change`, field);
  if (reason.length > MAX_REASON_LENGTH) throw badUserInput(`${where}: at most ${MAX_REASON_LENGTH.toLocaleString('en')} characters, got ${reason.length.toLocaleString('en')}`, field);
  return reason;
}

/** Every version of the report's agency and year, newest first. */
export function versionsOf(manager: EntityManager, agencyId: number, year: number): Promise<ReportVersion[]> {
  return manager.find(ReportVersion, { where: { agencyId, year }, order: { id: 'DESC' } });
}

/** A report's versions by any name of its agency and year, and which is current (none when the report is no longer stored). */
export async function historyOf(manager: EntityManager, agencyName: string, year: number): Promise<{ versions: ReportVersion[]; currentVersionId: number | null }> {
  const agency = await findAgencyNamed(manager, agencyName, 'agency');
  if (!agency) throw badUserInput(`--agency: no agency is known as "${agencyName}"`, 'agency');
  const versions = await versionsOf(manager, agency.id, year);
  if (versions.length === 0) throw badUserInput(`${agencyName} has no report for ${year}`, 'year');
  const report = await manager.findOneBy(Report, { agencyId: agency.id, year });
  return { versions, currentVersionId: report?.currentVersionId ?? null };
}
