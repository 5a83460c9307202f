import { Field, Float, ObjectType } from 'type-graphql';
import { describeCheckFamilies } from '../checks/check-families';
import type { Check, CheckSeverity, CheckStatus } from '../checks/check.types';
import { CheckSeverityEnum, CheckStatusEnum } from './enums';

@ObjectType('Check', { description: 'A consistency check on one report: PASS, FAIL, or NOT_ASSESSABLE when an input cell is not a number', simpleResolvers: true })
export class CheckType {
  @Field({ description: 'Stable id, e.g. t3.rowTotal/new or narrative/applicationsReceived' })
  id!: string;

  @Field({ description: `The check family: ${describeCheckFamilies()}` })
  rule!: string;

  @Field(() => CheckStatusEnum)
  status!: CheckStatus;

  @Field(() => CheckSeverityEnum)
  severity!: CheckSeverity;

  @Field(() => Float, { nullable: true, description: 'What the parts (or the table, for narrative checks) give' })
  expected!: number | null;

  @Field(() => Float, { nullable: true, description: 'What the report prints (or states, for narrative checks)' })
  actual!: number | null;

  @Field(() => [String], { description: 'Addresses of the cells read' })
  cells!: string[];

  @Field()
  message!: string;
}

/** A check as the API returns it: with the key its report's reviews are loaded by. */
export type ReviewableCheck = Check & { reviewsKey: string };
