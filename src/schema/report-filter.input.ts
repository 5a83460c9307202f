import { Field, ID, InputType, Int } from 'type-graphql';
import type { Generation } from '../template/template.types';
import { AgencyLevelEnum, GenerationEnum, type AgencyLevel } from './enums';

@InputType({ description: 'Every field given narrows the listing' })
export class ReportFilter {
  @Field(() => [Int], { nullable: true })
  years?: number[];

  @Field(() => ID, { nullable: true })
  agencyId?: string;

  @Field({ nullable: true, description: 'Part of any name of the agency: its name, full name or short name' })
  agencyName?: string;

  @Field(() => ID, { nullable: true, description: 'An agency and every agency under it' })
  agencySubtree?: string;

  @Field({ nullable: true, description: 'A region and the regions in it, e.g. 河南省 or 河南省/驻马店市' })
  region?: string;

  @Field(() => AgencyLevelEnum, { nullable: true })
  level?: AgencyLevel;

  @Field(() => GenerationEnum, { nullable: true })
  generation?: Generation;

  @Field({ nullable: true, description: 'true: reports with at least one failing check; false: none' })
  hasFailingChecks?: boolean;

  @Field({ nullable: true, description: 'true: reports with a failing check no review explains; false: none' })
  hasUnreviewedFailures?: boolean;

  @Field({ nullable: true, description: 'true: reports with at least one plausibility warning, a failing plausibility check (counted by Report.plausibilityWarnings; parse warnings are Report.warnings); false: none' })
  hasWarnings?: boolean;
}

@InputType()
export class AgencyFilter {
  @Field({ nullable: true, description: 'Part of any name of the agency: its name, full name or short name' })
  name?: string;

  @Field({ nullable: true, description: 'A region and the regions in it' })
  region?: string;

  @Field(() => AgencyLevelEnum, { nullable: true })
  level?: AgencyLevel;

  @Field(() => ID, { nullable: true, description: 'Only the agencies directly under this one' })
  parentId?: string;

  @Field(() => ID, { nullable: true, description: 'An agency and every agency under it, as ReportFilter.agencySubtree' })
  subtree?: string;

  @Field({ nullable: true, description: 'true: only agencies without a parent (the tops of the tree)' })
  roots?: boolean;
}
