import type { GraphQLResolveInfo } from 'graphql';
import { Arg, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import { MeasureAggregate, NAMED_PERCENTILES } from '../schema/aggregate.types';
import { selectedFieldsAt } from './selection';

@Resolver(() => MeasureAggregate)
export class MeasureAggregateResolver {
  @FieldResolver(() => Float, {
    nullable: true,
    description: "The p-quantile (0 ≤ p ≤ 1) of the group's per-report values, linearly interpolated as Excel's PERCENTILE.INC does; null when no report has a value",
  })
  percentile(@Root() aggregate: MeasureAggregate, @Arg('p', () => Float) p: number): number | null {
    const value = aggregate.percentiles.get(p);
    // The aggregate or rank above computed every fraction the request selects (selectedPercentiles).
    if (value === undefined) throw new Error(`percentile(p: ${p}) was not computed with the aggregate`);
    return value;
  }
}

/** The distinct percentile fractions asked of the MeasureAggregates at `path` below the field resolved: p25/median/p75 and every percentile(p). */
export function selectedPercentiles(info: GraphQLResolveInfo, path: readonly string[]): number[] {
  const named: Record<string, number> = NAMED_PERCENTILES;
  const fractions = selectedFieldsAt(info, path).flatMap((field) => (field.name === 'percentile' ? [field.args.p as number] : field.name in named ? [named[field.name]!] : []));
  return [...new Set(fractions)];
}
