import type { GraphQLSchema } from 'graphql';
import type { GatewayContext } from '../server/context';
import { runDocumentQuery } from './run-document-query';

/** The document of queries/ every number of the supervisor's list comes from. */
export const OVERVIEW_DOCUMENT = 'supervisor-overview';

/** Which agencies the list covers: a region and the regions in it, or an agency and every agency under it. */
export type OverviewScope = { region: string; parent?: undefined } | { parent: string; region?: undefined };

export interface OverviewRequest {
  scope: OverviewScope;
  year: number;
  /** A figure name or cell address whose spread the list draws. */
  measure: string;
  /** Agencies and reports read a page at a time (default and most: 100). */
  pageSize?: number;
}

export interface AgencyNode {
  id: string;
  name: string;
  region: string | null;
  level: string | null;
}

export interface FailingCheck {
  id: string;
  rule: string;
  severity: 'ERROR' | 'WARNING';
  message: string;
}

export interface ReportNode {
  id: string;
  year: number;
  agency: { id: string };
  failingChecks: number;
  plausibilityWarnings: number;
  figures: Record<KeyFigure, number | null>;
  checks: FailingCheck[];
}

/** The key figures the list shows for every report, as the document selects them. */
export const KEY_FIGURES = ['applicationsReceived', 'applicationsToHandle', 'completionRate', 'disclosureRate', 'reviewCorrectionRate', 'litigationCorrectionRate'] as const;
export type KeyFigure = (typeof KEY_FIGURES)[number];

export interface RankedNode {
  rank: number;
  key: { agency: { id: string } | null };
  value: { pooled: number | null; sum: number | null };
}

/** The ranks the document asks for, by response key: the chosen measure's and the main figures'. */
export const RANKED_FIGURES = { receivedRank: 'applicationsReceived', completionRank: 'completionRate', disclosureRank: 'disclosureRate', reviewCorrectionRank: 'reviewCorrectionRate' } as const;
export type RankKey = keyof typeof RANKED_FIGURES | 'measureRank';

/** The response key of a figure's rank, where the document ranks that figure. */
export function rankKeyOf(figure: string): RankKey | undefined {
  return (Object.keys(RANKED_FIGURES) as (keyof typeof RANKED_FIGURES)[]).find((key) => RANKED_FIGURES[key] === figure);
}

export interface MeasureNode {
  key: string;
  nameZh: string;
  isRate: boolean;
  unit: string;
}

export interface SpreadNode {
  count: number;
  values: { count: number; min: number | null; max: number | null; p25: number | null; median: number | null; p75: number | null }[];
}

interface Connection<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: T }[];
}

interface OverviewPage extends Partial<Record<RankKey, RankedNode[]>> {
  agencies: Connection<AgencyNode>;
  reports: Connection<ReportNode>;
  measure?: MeasureNode;
  spread?: SpreadNode[];
}

/** Everything the document answered, every page of agencies and reports joined. */
export interface OverviewData {
  agencies: AgencyNode[];
  reports: ReportNode[];
  measure: MeasureNode;
  spread: SpreadNode[];
  ranks: Record<RankKey, RankedNode[]>;
}

/** Runs queries/supervisor-overview.graphql for the scope and year, page after page until both lists are whole. */
export async function loadOverviewData(schema: GraphQLSchema, context: () => GatewayContext, request: OverviewRequest): Promise<OverviewData> {
  const variables = { region: request.scope.region ?? null, parent: request.scope.parent ?? null, year: request.year, measure: request.measure, pageSize: request.pageSize ?? 100 };
  const first = await runDocumentQuery<OverviewPage>({ schema, document: OVERVIEW_DOCUMENT, variables, context: context() });
  const agencies = new Map(first.agencies.edges.map(({ node }) => [node.id, node]));
  const reports = new Map(first.reports.edges.map(({ node }) => [node.id, node]));
  const cursors = { agencies: first.agencies.pageInfo, reports: first.reports.pageInfo };
  while (cursors.agencies.hasNextPage || cursors.reports.hasNextPage) {
    // A list already whole is asked again after its last item, which gives an empty page.
    const after = { agenciesAfter: cursors.agencies.endCursor, reportsAfter: cursors.reports.endCursor, firstPage: false };
    const page = await runDocumentQuery<OverviewPage>({ schema, document: OVERVIEW_DOCUMENT, variables: { ...variables, ...after }, context: context() });
    if (cursors.agencies.hasNextPage) {
      for (const { node } of page.agencies.edges) agencies.set(node.id, node);
      cursors.agencies = page.agencies.pageInfo;
    }
    if (cursors.reports.hasNextPage) {
      for (const { node } of page.reports.edges) reports.set(node.id, node);
      cursors.reports = page.reports.pageInfo;
    }
  }
  const rankKeys = ['measureRank', ...Object.keys(RANKED_FIGURES)] as RankKey[];
  return {
    agencies: [...agencies.values()],
    reports: [...reports.values()],
    measure: first.measure!,
    spread: first.spread ?? [],
    ranks: Object.fromEntries(rankKeys.map((key) => [key, first[key] ?? []])) as Record<RankKey, RankedNode[]>,
  };
}
