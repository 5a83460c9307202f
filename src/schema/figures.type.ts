import { Field, Float, ObjectType } from 'type-graphql';
import { FigureNameEnum } from './enums';
import type { FigureName } from '../figures/figure-definitions';

@ObjectType({ description: 'Counts and rates computed from the report\'s cells; null where a denominator is 0 or an input is missing (figure(name) says why)', simpleResolvers: true })
export class Figures {
  @Field(() => Float, { nullable: true }) applicationsReceived!: number | null;
  @Field(() => Float, { nullable: true }) applicationsToHandle!: number | null;
  @Field(() => Float, { nullable: true }) completionRate!: number | null;
  @Field(() => Float, { nullable: true }) disclosureRate!: number | null;
  @Field(() => Float, { nullable: true }) fullDisclosureRate!: number | null;
  @Field(() => Float, { nullable: true }) denialRate!: number | null;
  @Field(() => Float, { nullable: true }) unableRate!: number | null;
  @Field(() => Float, { nullable: true }) notProcessedRate!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Share handled otherwise (（六）其他处理): in G3 (t3/other.noCorrection/total + t3/other.noFee/total + t3/other.other/total) ÷ t3/resultsTotal/total; in G2, whose block is one row, t3/other/total ÷ t3/resultsTotal/total',
  })
  otherRate!: number | null;
  @Field(() => Float, { nullable: true }) carryForwardRate!: number | null;
  @Field(() => Float, { nullable: true }) organizationShare!: number | null;
  @Field(() => Float, { nullable: true }) reviewCorrectionRate!: number | null;
  @Field(() => Float, { nullable: true }) litigationCorrectionRate!: number | null;
  @Field(() => Float, { nullable: true }) disputeRate!: number | null;
  @Field(() => Float, { nullable: true }) reportCompleteness!: number | null;
}

@ObjectType({ description: 'A derived figure with its inputs' })
export class Figure {
  @Field(() => FigureNameEnum)
  name!: FigureName;

  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Field(() => Float, { nullable: true })
  numerator!: number | null;

  @Field(() => Float, { nullable: true, description: 'null for counts' })
  denominator!: number | null;

  @Field(() => String, { nullable: true, description: 'Why the value is null' })
  reason!: string | null;
}

@ObjectType({ description: 'A measure this year against the same agency\'s report of the year before' })
export class YearOverYear {
  @Field({ description: 'A cell address or a figure name' })
  measure!: string;

  @Field(() => Float, { nullable: true })
  previous!: number | null;

  @Field(() => Float, { nullable: true })
  current!: number | null;

  @Field(() => Float, { nullable: true })
  absolute!: number | null;

  @Field(() => Float, { nullable: true, description: 'absolute ÷ previous; null when previous is 0 or missing' })
  relative!: number | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;
}
