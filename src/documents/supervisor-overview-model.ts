import { familyOf } from '../checks/check.types';
import { isPlausibilityCheck } from '../checks/plausibility.checks';
import type { AgencyNode, FailingCheck, OverviewData, OverviewRequest, RankedNode, RankKey, ReportNode } from './supervisor-overview-query';

/** One agency of the scope: its report of the year (null: missing) and its place in each ranking. */
export interface OverviewRow {
  agency: AgencyNode;
  report: ReportNode | null;
  /** null where the agency has no value to rank. */
  ranks: Record<RankKey, RankedNode | null>;
  /** The chosen measure's value, as the ranking gives it (pooled for a rate, else the sum: one report's value). */
  measureValue: number | null;
}

/** The agencies failing checks of one family, the one failing most first. */
export interface FamilyGroup {
  family: string;
  failing: number;
  agencies: { row: OverviewRow; checks: FailingCheck[] }[];
}

export interface Overview {
  request: OverviewRequest;
  data: OverviewData;
  /** Every agency in scope, by name. */
  rows: OverviewRow[];
  /** Agencies whose report fails checks (failingChecks > 0), the most failing first. */
  failing: OverviewRow[];
  /** The failing checks (plausibility warnings left out, as failingChecks leaves them out) by family, the family with most failing first. */
  families: FamilyGroup[];
  /** Agencies in scope without a report for the year (缺报). */
  missing: OverviewRow[];
}

const byName = (a: OverviewRow, b: OverviewRow) => a.agency.name.localeCompare(b.agency.name, 'zh-CN') || Number(a.agency.id) - Number(b.agency.id);

/** Shapes the document's answer into the list's parts; nothing here computes a figure. */
export function shapeOverview(request: OverviewRequest, data: OverviewData): Overview {
  const reportOf = new Map(data.reports.map((report) => [report.agency.id, report]));
  const rankOf = (key: RankKey, agencyId: string) => data.ranks[key].find((r) => r.key.agency?.id === agencyId) ?? null;
  const rows = data.agencies
    .map((agency): OverviewRow => {
      const ranks = Object.fromEntries((Object.keys(data.ranks) as RankKey[]).map((key) => [key, rankOf(key, agency.id)])) as Record<RankKey, RankedNode | null>;
      const measure = ranks.measureRank?.value;
      return { agency, report: reportOf.get(agency.id) ?? null, ranks, measureValue: (data.measure.isRate ? measure?.pooled : measure?.sum) ?? null };
    })
    .sort(byName);
  const failing = rows.filter((row) => (row.report?.failingChecks ?? 0) > 0).sort((a, b) => b.report!.failingChecks - a.report!.failingChecks || byName(a, b));
  return { request, data, rows, failing, families: familyGroups(failing), missing: rows.filter((row) => row.report === null) };
}

function familyGroups(failing: OverviewRow[]): FamilyGroup[] {
  const groups = new Map<string, FamilyGroup>();
  for (const row of failing) {
    const counted = row.report!.checks.filter((check) => !isPlausibilityCheck(check));
    for (const family of new Set(counted.map((check) => familyOf(check.id)))) {
      const checks = counted.filter((check) => familyOf(check.id) === family);
      const group = groups.get(family) ?? { family, failing: 0, agencies: [] };
      group.failing += checks.length;
      group.agencies.push({ row, checks });
      groups.set(family, group);
    }
  }
  for (const group of groups.values()) group.agencies.sort((a, b) => b.checks.length - a.checks.length || byName(a.row, b.row));
  return [...groups.values()].sort((a, b) => b.failing - a.failing || a.family.localeCompare(b.family));
}
