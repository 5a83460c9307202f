import { Arg, Query, Resolver } from 'type-graphql';
import { METRICS, METRICS_VERSION, metricOf, type Metric, type MetricKind } from '../figures/metric-dictionary';
import { MeasureScalar } from '../schema/measure.scalar';
import { MetricKindEnum, MetricType } from '../schema/metric.type';

@Resolver(() => MetricType)
export class MetricResolver {
  @Query(() => [MetricType], { description: 'The metric dictionary: every figure, then every template cell of either generation, in template order' })
  metrics(@Arg('kind', () => MetricKindEnum, { nullable: true }) kind?: MetricKind): readonly Metric[] {
    return kind ? METRICS.filter((metric) => metric.kind === kind) : METRICS;
  }

  @Query(() => MetricType, { description: 'One measure of the metric dictionary' })
  metric(@Arg('key', () => MeasureScalar) key: string): Metric {
    return metricOf(key);
  }

  @Query(() => String, { description: 'A short hash of the metric dictionary: it changes whenever a name, formula, unit or caveat does' })
  metricsVersion(): string {
    return METRICS_VERSION;
  }
}
