import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { Generation } from '../template/template.types';
import { AgencyLevelEnum, GenerationEnum, type AgencyLevel } from './enums';
import { ChangeOverYear } from './figures.type';

@ObjectType({ description: 'What a group shares; only the dimensions grouped by are set' })
export class GroupKey {
  @Field(() => Int, { nullable: true })
  year!: number | null;

  @Field(() => String, { nullable: true })
  region!: string | null;

  @Field(() => AgencyLevelEnum, { nullable: true })
  level!: AgencyLevel | null;

  @Field(() => GenerationEnum, { nullable: true })
  generation!: Generation | null;

  agencyId!: number | null;
  parentId!: number | null;
}

@ObjectType({ description: "A group's value against the same group a year before (when grouped by YEAR)" })
export class GroupChange extends ChangeOverYear {}

/** The percentiles MeasureAggregate names, by field: each is percentile(p) at its fraction. */
export const NAMED_PERCENTILES = { p25: 0.25, median: 0.5, p75: 0.75 } as const;

const PERCENTILE_RULE = "linearly interpolated between the group's per-report values as Excel's PERCENTILE.INC does; null when no report has a value";

@ObjectType({
  description:
    "A measure over the reports of a group. For a rate, sum/mean/min/max and the percentiles are over per-report rates (mean: unweighted); pooled is Σnumerator ÷ Σdenominator. Percentiles are computed only when asked for",
})
export class MeasureAggregate {
  @Field()
  measure!: string;

  @Field({ description: 'Whether the measure is a rate (pooled applies)' })
  rate!: boolean;

  @Field(() => Int, { description: 'Reports with a value for the measure' })
  count!: number;

  @Field(() => Float, { nullable: true }) sum!: number | null;
  @Field(() => Float, { nullable: true }) mean!: number | null;
  @Field(() => Float, { nullable: true }) min!: number | null;
  @Field(() => Float, { nullable: true }) max!: number | null;

  @Field(() => Float, { nullable: true, description: 'Σnumerator ÷ Σdenominator over reports with both; null for non-rates or a zero denominator' })
  pooled!: number | null;

  @Field(() => Float, { nullable: true }) numerator!: number | null;
  @Field(() => Float, { nullable: true }) denominator!: number | null;

  @Field(() => String, { nullable: true, description: 'Why pooled is null for a rate' })
  reason!: string | null;

  @Field(() => GroupChange, { nullable: true, description: 'Against the previous year (pooled for rates, sum otherwise); null unless grouped by YEAR' })
  yearOverYear!: GroupChange | null;

  @Field(() => Float, { nullable: true, description: `The 25th percentile, ${PERCENTILE_RULE}` })
  p25!: number | null;

  @Field(() => Float, { nullable: true, description: `The 50th percentile, ${PERCENTILE_RULE}` })
  median!: number | null;

  @Field(() => Float, { nullable: true, description: `The 75th percentile, ${PERCENTILE_RULE}` })
  p75!: number | null;

  /** Every fraction the request asked for (named percentiles included), with its value: what percentile(p) reads. */
  percentiles!: ReadonlyMap<number, number | null>;
}

@ObjectType()
export class AggregateGroup {
  @Field(() => GroupKey)
  key!: GroupKey;

  @Field(() => Int, { description: 'Reports in the group' })
  count!: number;

  @Field(() => [MeasureAggregate], { description: 'One per measure asked, in order' })
  values!: MeasureAggregate[];
}

@ObjectType()
export class RankedGroup {
  @Field(() => Int)
  rank!: number;

  @Field(() => GroupKey)
  key!: GroupKey;

  @Field(() => Int)
  count!: number;

  @Field(() => MeasureAggregate)
  value!: MeasureAggregate;
}
