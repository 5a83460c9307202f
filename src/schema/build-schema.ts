import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AggregateResolver } from '../resolvers/aggregate.resolver';
import { AgencyMutationResolver } from '../resolvers/agency-mutation.resolver';
import { AgencyResolver } from '../resolvers/agency.resolver';
import { AgencyTrendResolver } from '../resolvers/agency-trend.resolver';
import { BatchItemResolver } from '../resolvers/batch-item.resolver';
import { BatchResolver } from '../resolvers/batch.resolver';
import { CheckReviewResolver } from '../resolvers/check-review.resolver';
import { MeasureAggregateResolver } from '../resolvers/measure-aggregate.resolver';
import { MetricResolver } from '../resolvers/metric.resolver';
import { HistoryMutationResolver } from '../resolvers/history-mutation.resolver';
import { ReportHistoryResolver } from '../resolvers/report-history.resolver';
import { ReportVersionResolver } from '../resolvers/report-version.resolver';
import { ReportAnalysisResolver } from '../resolvers/report-analysis.resolver';
import { ReportBenchmarkResolver } from '../resolvers/report-benchmark.resolver';
import { ReportContentResolver } from '../resolvers/report-content.resolver';
import { ReportMutationResolver } from '../resolvers/report-mutation.resolver';
import { ReportQueryResolver } from '../resolvers/report-query.resolver';
import { SectionResolver } from '../resolvers/section.resolver';

export const RESOLVERS = [
  ReportQueryResolver,
  ReportContentResolver,
  ReportAnalysisResolver,
  ReportBenchmarkResolver,
  ReportMutationResolver,
  SectionResolver,
  AgencyResolver,
  AgencyTrendResolver,
  AgencyMutationResolver,
  AggregateResolver,
  MeasureAggregateResolver,
  ReportHistoryResolver,
  ReportVersionResolver,
  HistoryMutationResolver,
  CheckReviewResolver,
  BatchResolver,
  BatchItemResolver,
  MetricResolver,
] as const;

export function buildGatewaySchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: RESOLVERS, validate: false });
}
