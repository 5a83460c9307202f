import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Check } from '../checks/check.types';
import { runChecks } from '../checks/run-checks';
import { Report } from '../entities/report.entity';
import { badUserInput } from '../errors/bad-user-input';
import { computeFigure, computeFigures, figureInputOf } from '../figures/compute-figures';
import type { CorrectionBasis, FigureName } from '../figures/figure-definitions';
import { measureValue, parseMeasure } from '../figures/measure';
import { yearOverYear } from '../figures/year-over-year';
import { CheckType } from '../schema/check.type';
import { CheckStatusEnum, CorrectionBasisEnum, FigureNameEnum } from '../schema/enums';
import { Figure, Figures, YearOverYear } from '../schema/figures.type';
import type { GatewayContext } from '../server/context';

@Resolver(() => Report)
export class ReportAnalysisResolver {
  @FieldResolver(() => Figures)
  async figures(
    @Root() report: Report,
    @Ctx() { loaders }: GatewayContext,
    @Arg('basis', () => CorrectionBasisEnum, { defaultValue: 'TOTAL' }) basis: CorrectionBasis,
  ): Promise<Figures> {
    const facts = await loaders.facts.load(report);
    const values = computeFigures(figureInputOf(facts), basis);
    return Object.fromEntries(values.map((f) => [f.name, f.value])) as unknown as Figures;
  }

  @FieldResolver(() => Figure, { description: 'One figure with numerator, denominator and, when null, the reason' })
  async figure(
    @Root() report: Report,
    @Ctx() { loaders }: GatewayContext,
    @Arg('name', () => FigureNameEnum) name: FigureName,
    @Arg('basis', () => CorrectionBasisEnum, { defaultValue: 'TOTAL' }) basis: CorrectionBasis,
  ): Promise<Figure> {
    const facts = await loaders.facts.load(report);
    return computeFigure(name, figureInputOf(facts), basis);
  }

  @FieldResolver(() => [CheckType], { description: 'The consistency checks of SPEC §2 that apply' })
  async checks(
    @Root() report: Report,
    @Ctx() { loaders }: GatewayContext,
    @Arg('status', () => CheckStatusEnum, { nullable: true }) status?: Check['status'],
  ): Promise<Check[]> {
    const [facts, cells] = await Promise.all([loaders.facts.load(report), loaders.cells.load(report.id)]);
    const checks = runChecks(facts, cells.length > 0);
    return status ? checks.filter((c) => c.status === status) : checks;
  }

  @FieldResolver(() => YearOverYear, { description: 'A cell address or figure name against the year before' })
  async yearOverYear(@Root() report: Report, @Ctx() { loaders }: GatewayContext, @Arg('measure') measureName: string): Promise<YearOverYear> {
    const measure = parseMeasure(measureName);
    if (!measure) throw badUserInput(`yearOverYear(measure: "${measureName}"): not a cell address (t3/new/total) or a figure name (completionRate)`, 'measure');
    const previous = await loaders.previousReport(report);
    const [current, previousFacts] = await Promise.all([loaders.facts.load(report), previous ? loaders.facts.load(previous) : undefined]);
    const change = yearOverYear(measureValue(measure, current), previousFacts && measureValue(measure, previousFacts), report.year - 1);
    return { measure: measureName, ...change };
  }
}
