import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';

@InputType({ description: "Which traits a report's peers share with it; the group always includes the report itself. With every trait false, the peers are all reports" })
export class PeerGroupInput {
  @Field({ defaultValue: true, description: 'Reports of the same year' })
  sameYear!: boolean;

  @Field({ defaultValue: false, description: "Reports of agencies at the same administrative level (the agency's level must be known)" })
  sameLevel!: boolean;

  @Field({ defaultValue: false, description: "Reports of agencies in exactly the same region path (the agency's region must be known)" })
  sameRegion!: boolean;

  @Field({ defaultValue: false, description: 'Reports of agencies under the same governing agency (the agency must have a parent)' })
  sameParent!: boolean;

  @Field({ defaultValue: false, description: 'Reports of the same template generation' })
  sameGeneration!: boolean;
}

@ObjectType({
  description:
    "A report's value for a measure against its peers: the reports sharing the chosen traits with it, itself included. For a rate the statistics are over per-report rates. Null statistics come with a reason",
})
export class Benchmark {
  @Field({ description: 'A cell address or a figure name' })
  measure!: string;

  @Field({ description: 'The peer group in words, e.g. "reports of the same year and the same level"' })
  peers!: string;

  @Field(() => Float, { nullable: true, description: "The report's own value; null (with a reason) when it has none" })
  value!: number | null;

  @Field(() => Int, { nullable: true, description: 'Reports in the group with a value for the measure, this one included if it has one; null when the agency lacks a trait the group needs' })
  peerCount!: number | null;

  @Field(() => Int, { nullable: true, description: '1 for the highest value in the group; equal values share a rank and the next rank skips (1, 2, 2, 4)' })
  rank!: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of the other peers with a value below this one, from 0 (the lowest) to 1 (the highest): (peers below) ÷ (peerCount − 1)' })
  percentileRank!: number | null;

  @Field(() => Float, { nullable: true, description: "The group's 25th percentile, linearly interpolated (PERCENTILE.INC)" })
  p25!: number | null;

  @Field(() => Float, { nullable: true, description: "The group's median" })
  median!: number | null;

  @Field(() => Float, { nullable: true, description: "The group's 75th percentile, linearly interpolated (PERCENTILE.INC)" })
  p75!: number | null;

  @Field(() => String, { nullable: true, description: 'Why rank, percentileRank and the percentiles are null (all of them are when one is): the report has no value, its agency lacks a trait the group needs, or too few peers have a value' })
  reason!: string | null;
}
