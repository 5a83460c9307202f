import { Field, ID, InputType, Int } from 'type-graphql';
import type { Generation } from '../template/template.types';
import { GenerationEnum } from './enums';

@InputType({ description: 'Every field given narrows the listing' })
export class ReportFilter {
  @Field(() => [Int], { nullable: true })
  years?: number[];

  @Field(() => ID, { nullable: true })
  agencyId?: string;

  @Field({ nullable: true, description: 'Part of the agency name' })
  agencyName?: string;

  @Field(() => GenerationEnum, { nullable: true })
  generation?: Generation;

  @Field({ nullable: true, description: 'true: reports with at least one failing check; false: none' })
  hasFailingChecks?: boolean;
}

@InputType()
export class AgencyFilter {
  @Field({ nullable: true, description: 'Part of the agency name' })
  name?: string;
}
