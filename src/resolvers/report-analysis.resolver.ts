import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Check } from '../checks/check.types';
import { countWarnings } from '../checks/run-checks';
import { Report } from '../entities/report.entity';
import { badUserInput } from '../errors/bad-user-input';
import type { CorrectionBasis, FigureName } from '../figures/figure-definitions';
import { measureValue, parseMeasure, unknownMeasureMessage } from '../figures/measure';
import { yearOverYear } from '../figures/year-over-year';
import { CheckType, type ReviewableCheck } from '../schema/check.type';
import { CheckStatusEnum, CorrectionBasisEnum, FigureNameEnum } from '../schema/enums';
import { Figure, FiguresType, YearOverYear, type Figures } from '../schema/figures.type';
import type { Loaders } from '../loaders/create-loaders';
import { MeasureScalar } from '../schema/measure.scalar';
import type { GatewayContext } from '../server/context';

/** The report's checks: the cached analysis', then the peer plausibility checks of this request. */
async function checksOf(report: Report, loaders: Loaders): Promise<Check[]> {
  const [{ checks }, peerChecks] = await Promise.all([loaders.analysis.load(report), loaders.peerChecks.load(report)]);
  return [...checks, ...peerChecks];
}

@Resolver(() => Report)
export class ReportAnalysisResolver {
  @FieldResolver(() => FiguresType)
  async figures(
    @Root() report: Report,
    @Ctx() { loaders }: GatewayContext,
    @Arg('basis', () => CorrectionBasisEnum, { defaultValue: 'TOTAL' }) basis: CorrectionBasis,
  ): Promise<Figures> {
    const { figures } = await loaders.analysis.load(report);
    return Object.fromEntries(figures[basis].map((f) => [f.name, f.value])) as Figures;
  }

  @FieldResolver(() => Figure, { description: 'One figure with numerator, denominator and, when null, the reason' })
  async figure(
    @Root() report: Report,
    @Ctx() { loaders }: GatewayContext,
    @Arg('name', () => FigureNameEnum) name: FigureName,
    @Arg('basis', () => CorrectionBasisEnum, { defaultValue: 'TOTAL' }) basis: CorrectionBasis,
  ): Promise<Figure> {
    const { figures } = await loaders.analysis.load(report);
    return figures[basis].find((figure) => figure.name === name)!;
  }

  @FieldResolver(() => [CheckType], {
    description:
      'The consistency checks that apply to this report: table identities, non-negative counts, carry-over from the previous year, text against tables, completeness, template generation, and the plausibility warnings (jumps from the previous year, shares outside [0, 1], cells unlike their peers)',
  })
  async checks(
    @Root() report: Report,
    @Ctx() { loaders }: GatewayContext,
    @Arg('status', () => CheckStatusEnum, { nullable: true }) status?: Check['status'],
  ): Promise<ReviewableCheck[]> {
    const checks = await checksOf(report, loaders);
    const reviewsKey = `${report.agencyId}:${report.year}`;
    return (status ? checks.filter((c) => c.status === status) : checks).map((check) => ({ ...check, reviewsKey }));
  }

  @FieldResolver(() => Int, { description: 'How many plausibility checks fail (warnings: not counted in failingChecks), the peer ones included' })
  async plausibilityWarnings(@Root() report: Report, @Ctx() { loaders }: GatewayContext): Promise<number> {
    return countWarnings(await checksOf(report, loaders));
  }

  @FieldResolver(() => YearOverYear, { description: 'A cell address or figure name against the year before' })
  async yearOverYear(@Root() report: Report, @Ctx() { loaders }: GatewayContext, @Arg('measure', () => MeasureScalar) measureName: string): Promise<YearOverYear> {
    const measure = parseMeasure(measureName);
    if (!measure) throw badUserInput(`yearOverYear(measure): ${unknownMeasureMessage(measureName)}`, 'measure');
    const previous = await loaders.previousReport(report);
    const [current, previousFacts] = await Promise.all([loaders.facts.load(report), previous ? loaders.facts.load(previous) : undefined]);
    const change = yearOverYear(measureValue(measure, current), previousFacts && measureValue(measure, previousFacts), report.year - 1);
    return { measure: measureName, ...change };
  }
}
