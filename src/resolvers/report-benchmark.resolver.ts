import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Report } from '../entities/report.entity';
import type { CorrectionBasis } from '../figures/figure-definitions';
import { Benchmark, PeerGroupInput } from '../schema/benchmark.type';
import { CorrectionBasisEnum } from '../schema/enums';
import { MeasureScalar } from '../schema/measure.scalar';
import type { GatewayContext } from '../server/context';
import { benchmarkRequest } from '../services/benchmark.service';

@Resolver(() => Report)
export class ReportBenchmarkResolver {
  @FieldResolver(() => Benchmark, {
    description: "A cell address or figure name against the report's peers (by default the reports of the same year): its rank, percentile rank and the group's quartiles; for a rate, over per-report rates",
  })
  benchmark(
    @Root() report: Report,
    @Ctx() { loaders }: GatewayContext,
    @Arg('measure', () => MeasureScalar) measure: string,
    @Arg('peers', () => PeerGroupInput, { nullable: true, description: 'Which traits the peers share with the report; by default the same year' }) peers: PeerGroupInput | undefined,
    @Arg('basis', () => CorrectionBasisEnum, { defaultValue: 'TOTAL' }) basis: CorrectionBasis,
  ): Promise<Benchmark> {
    return loaders.benchmark.load({ report, request: benchmarkRequest(measure, peers, basis) });
  }
}
