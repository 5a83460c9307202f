import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AgencyResolver } from '../resolvers/agency.resolver';
import { ReportAnalysisResolver } from '../resolvers/report-analysis.resolver';
import { ReportContentResolver } from '../resolvers/report-content.resolver';
import { ReportQueryResolver } from '../resolvers/report-query.resolver';
import { SectionResolver } from '../resolvers/section.resolver';

export const RESOLVERS = [ReportQueryResolver, ReportContentResolver, ReportAnalysisResolver, SectionResolver, AgencyResolver] as const;

export function buildGatewaySchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: RESOLVERS, validate: false });
}
