import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Float, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { Agency } from '../entities/agency.entity';
import type { CorrectionBasis } from '../figures/figure-definitions';
import { AggregateGroup, GroupKey, RankedGroup } from '../schema/aggregate.types';
import { CorrectionBasisEnum, GroupDimensionEnum, RankOrderEnum } from '../schema/enums';
import { MeasureScalar } from '../schema/measure.scalar';
import { ReportFilter } from '../schema/report-filter.input';
import type { GatewayContext } from '../server/context';
import type { GroupDimension } from '../services/aggregate-sql';
import { aggregate, rank } from '../services/aggregate.service';
import { selectedPercentiles } from './measure-aggregate.resolver';

@Resolver(() => GroupKey)
export class AggregateResolver {
  @Query(() => [AggregateGroup], { description: 'Measures (cell addresses or figure names) over the filtered reports, grouped; computed by the database' })
  aggregate(
    @Ctx() { db }: GatewayContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('measures', () => [MeasureScalar]) measures: string[],
    @Arg('filter', () => ReportFilter, { nullable: true }) filter?: ReportFilter,
    @Arg('groupBy', () => [GroupDimensionEnum], { defaultValue: [] }) groupBy: GroupDimension[] = [],
    @Arg('basis', () => CorrectionBasisEnum, { defaultValue: 'TOTAL' }) basis: CorrectionBasis = 'TOTAL',
  ): Promise<AggregateGroup[]> {
    return aggregate(db, { filter, groupBy, measures, basis, percentiles: selectedPercentiles(info, ['values']) });
  }

  @Query(() => [RankedGroup], { description: 'Top (DESC) or bottom (ASC) groups by a measure: pooled for rates, sum otherwise; groups below minSample are left out' })
  rank(
    @Ctx() { db }: GatewayContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('measure', () => MeasureScalar) measure: string,
    @Arg('filter', () => ReportFilter, { nullable: true }) filter?: ReportFilter,
    @Arg('groupBy', () => [GroupDimensionEnum], { defaultValue: ['AGENCY'] }) groupBy: GroupDimension[] = ['AGENCY'],
    @Arg('order', () => RankOrderEnum, { defaultValue: 'DESC' }) order: 'ASC' | 'DESC' = 'DESC',
    @Arg('limit', () => Int, { defaultValue: 10 }) limit = 10,
    @Arg('minSample', () => Float, { defaultValue: 0, description: 'Least Σdenominator (rates) or reports with a value (other measures)' }) minSample = 0,
    @Arg('basis', () => CorrectionBasisEnum, { defaultValue: 'TOTAL' }) basis: CorrectionBasis = 'TOTAL',
  ): Promise<RankedGroup[]> {
    return rank(db, { filter, groupBy, measure, order, limit, minSample, basis, percentiles: selectedPercentiles(info, ['value']) });
  }

  @FieldResolver(() => Agency, { nullable: true, description: 'Set when grouped by AGENCY' })
  async agency(@Root() key: GroupKey, @Ctx() { loaders }: GatewayContext): Promise<Agency | null> {
    return key.agencyId === null ? null : ((await loaders.agency.load(key.agencyId)) ?? null);
  }

  @FieldResolver(() => Agency, { nullable: true, description: 'Set when grouped by PARENT (null for agencies without one)' })
  async parent(@Root() key: GroupKey, @Ctx() { loaders }: GatewayContext): Promise<Agency | null> {
    return key.parentId === null ? null : ((await loaders.agency.load(key.parentId)) ?? null);
  }
}
