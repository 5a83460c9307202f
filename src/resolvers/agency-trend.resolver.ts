import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Agency } from '../entities/agency.entity';
import { badUserInput } from '../errors/bad-user-input';
import { measureValue, parseMeasure, unknownMeasureMessage } from '../figures/measure';
import { trendPoint, trendYears, type TrendPoint } from '../figures/trend';
import { MeasureScalar } from '../schema/measure.scalar';
import { TrendPointType } from '../schema/trend.type';
import type { GatewayContext } from '../server/context';

@Resolver(() => Agency)
export class AgencyTrendResolver {
  @FieldResolver(() => [TrendPointType], { description: 'A measure year by year: one point per year asked (at most 50), by default every year the agency has a report, oldest first' })
  async trend(
    @Root() agency: Agency,
    @Ctx() { loaders }: GatewayContext,
    @Arg('measure', () => MeasureScalar) key: string,
    @Arg('years', () => [Int], { nullable: true, description: 'The years, in the order wanted; a year without a report gives a null value' }) years?: number[],
  ): Promise<TrendPoint[]> {
    const measure = parseMeasure(key);
    if (!measure) throw badUserInput(`trend(measure): ${unknownMeasureMessage(key)}`, 'measure');
    const reports = new Map((await loaders.reportsByAgency.load(agency.id)).map((report) => [report.year, report]));
    return Promise.all(
      trendYears(years, [...reports.keys()]).map(async (year) => {
        const report = reports.get(year);
        return trendPoint(year, report && measureValue(measure, await loaders.facts.load(report)));
      }),
    );
  }
}
