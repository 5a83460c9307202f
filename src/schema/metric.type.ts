import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import type { CorrectionBasis, Term } from '../figures/figure-definitions';
import type { MetricGeneration, MetricKind, MetricUnit } from '../figures/metric-dictionary';
import { CorrectionBasisEnum, GenerationEnum } from './enums';
import { MeasureScalar } from './measure.scalar';

export const MetricKindEnum = { FIGURE: 'FIGURE', CELL: 'CELL' } as const;
registerEnumType(MetricKindEnum, { name: 'MetricKind', description: 'FIGURE: a count or rate derived from cells; CELL: one cell of the template' });

@ObjectType('MetricTerm', { description: 'coefficient × the value of the cell at address' })
export class MetricTermType implements Term {
  @Field({ description: 'A template cell address (t3/new/total)' })
  address!: string;

  @Field(() => Float, { description: '1 or −1' })
  coefficient!: number;
}

@ObjectType('MetricVariant', { description: 'A figure\'s terms on one generation\'s reports under one correction basis' })
export class MetricVariantType {
  @Field(() => GenerationEnum)
  generation!: MetricGeneration;

  @Field(() => CorrectionBasisEnum)
  basis!: CorrectionBasis;

  @Field(() => [MetricTermType], { description: 'Summed' })
  numerator!: Term[];

  @Field(() => [MetricTermType], { nullable: true, description: 'Summed and divided into the numerator; null for a count' })
  denominator!: Term[] | null;

  @Field()
  formula!: string;
}

@ObjectType('Metric', { description: 'A measure in the metric dictionary: a derived figure or a template cell, with its name, unit, formula and caveats' })
export class MetricType {
  @Field(() => MeasureScalar, { description: 'The figure name or cell address a measure argument takes' })
  key!: string;

  @Field(() => MetricKindEnum)
  kind!: MetricKind;

  @Field({ description: 'The customary Chinese name of a figure; for a cell the template\'s row label and column label (a t3 row under its block\'s heading)' })
  nameZh!: string;

  @Field({ description: 'What it measures, in English' })
  description!: string;

  @Field(() => [MetricTermType], { description: 'Summed; on G3 reports under the TOTAL basis (variants gives the others). Empty for reportCompleteness, which counts parts and cells' })
  numerator!: Term[];

  @Field(() => [MetricTermType], { nullable: true, description: 'Summed and divided into the numerator; null for counts and cells' })
  denominator!: Term[] | null;

  @Field(() => [MetricVariantType], { description: 'A figure\'s terms for every generation and correction basis; empty for a cell and for reportCompleteness' })
  variants!: MetricVariantType[];

  @Field({ description: 'The formula over cell addresses, each variant named where generations or bases differ' })
  formula!: string;

  @Field(() => String, { description: '件 (counts), 万元 (amounts the template prints in 万元), 未注明 (an amount whose unit the template does not print) or ratio (rates)' })
  unit!: MetricUnit;

  @Field()
  isRate!: boolean;

  @Field(() => [GenerationEnum], { description: 'The template generations whose reports can have it' })
  generations!: MetricGeneration[];

  @Field({ description: 'When its value is null' })
  nullWhen!: string;

  @Field(() => [String], { description: 'What a reader must know beyond the formula' })
  caveats!: string[];
}
