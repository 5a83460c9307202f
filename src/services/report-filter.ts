import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badUserInput } from '../errors/bad-user-input';
import { readRowId, ROW_ID_RULE } from '../schema/argument-limits';
import type { AgencyFilter, ReportFilter } from '../schema/report-filter.input';
import { normalizeRegion } from './agency-metadata.service';
import { peerWarningSql } from './plausibility-peer.service';
import { escapeLike, whereSomeNameContains } from './agency-names.service';

/** Narrows a query over `report` joined to `agency` by a ReportFilter: one WHERE, no extra statement. */
export function applyReportFilter<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, filter: ReportFilter = {}): SelectQueryBuilder<T> {
  if (filter.years?.length) query.andWhere('report.year IN (:...filterYears)', { filterYears: filter.years });
  if (filter.agencyId != null) query.andWhere('report.agency_id = :filterAgencyId', { filterAgencyId: parseId(filter.agencyId, 'filter.agencyId') });
  if (filter.generation) query.andWhere('report.generation = :filterGeneration', { filterGeneration: filter.generation });
  if (filter.hasFailingChecks != null) query.andWhere(filter.hasFailingChecks ? 'report.failing_checks > 0' : 'report.failing_checks = 0');
  if (filter.hasUnreviewedFailures != null) query.andWhere(filter.hasUnreviewedFailures ? 'report.unreviewed_failures > 0' : 'report.unreviewed_failures = 0');
  if (filter.hasWarnings != null) {
    const peer = peerWarningSql(query.connection.options.type === 'postgres');
    query.andWhere(filter.hasWarnings ? `(report.warning_checks > 0 OR ${peer.sql})` : `(report.warning_checks = 0 AND NOT (${peer.sql}))`, peer.parameters);
  }
  applyAgencyFilter(query, { name: filter.agencyName, region: filter.region, level: filter.level });
  if (filter.agencySubtree != null) whereInSubtree(query, parseId(filter.agencySubtree, 'filter.agencySubtree'));
  return query;
}

/** Narrows a query over `agency`. */
export function applyAgencyFilter<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, filter: AgencyFilter = {}): SelectQueryBuilder<T> {
  if (filter.name) whereSomeNameContains(query, filter.name);
  if (filter.region) {
    const region = normalizeRegion(filter.region) ?? '';
    query.andWhere(`(agency.region = :filterRegion OR agency.region LIKE :filterRegionPrefix ESCAPE '\\')`, { filterRegion: region, filterRegionPrefix: `${escapeLike(region)}/%` });
  }
  if (filter.level) query.andWhere('agency.level = :filterLevel', { filterLevel: filter.level });
  if (filter.parentId != null) query.andWhere('agency.parent_id = :filterParent', { filterParent: parseId(filter.parentId, 'filter.parentId') });
  if (filter.roots != null) query.andWhere(filter.roots ? 'agency.parent_id IS NULL' : 'agency.parent_id IS NOT NULL');
  if (filter.subtree != null) whereInSubtree(query, parseId(filter.subtree, 'filter.subtree'));
  return query;
}

/** The agency `root` and every agency under it (its path starts with root's path and id). */
function whereInSubtree<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, root: number): void {
  query.andWhere(
    `(agency.id = :subtreeRoot OR agency.path LIKE (SELECT root.path || CAST(root.id AS VARCHAR(12)) || '/%' FROM agency root WHERE root.id = :subtreeRoot))`,
    { subtreeRoot: root },
  );
}

/** The argument pass refuses a malformed id before execution; callers outside GraphQL (the CLI) meet this check. */
export function parseId(id: string, field: string): number {
  const value = readRowId(id);
  if (value === undefined) throw badUserInput(`${field}: ${ROW_ID_RULE}, got ${JSON.stringify(id)}`, field);
  return value;
}
