import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('TrendPoint', { description: 'A measure in one year of an agency\'s reports' })
export class TrendPointType {
  @Field(() => Int)
  year!: number;

  @Field(() => Float, { nullable: true, description: 'null, never a fake 0, when the year has no report or its report lacks the value (reason says which)' })
  value!: number | null;

  @Field(() => String, { nullable: true, description: 'Why value is null: `no report for 2021`, or the measure\'s own reason (t3/new/total is BLANK)' })
  reason!: string | null;
}
