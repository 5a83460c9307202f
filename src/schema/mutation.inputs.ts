import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Report } from '../entities/report.entity';
import type { StoreOutcome } from '../ingest/store-report';
import { AgencyLevelEnum, IngestOutcomeEnum, type AgencyLevel } from './enums';
import { ParseWarningType } from './parse-warning.type';

@InputType({ description: 'A report as text (the PDF-extracted style of the samples); agency and year default to the title' })
export class IngestReportInput {
  @Field()
  text!: string;

  @Field({ nullable: true, description: 'Where the text came from, kept with the report' })
  fileName?: string;

  @Field({ nullable: true })
  agencyName?: string;

  @Field(() => Int, { nullable: true })
  year?: number;
}

@ObjectType()
export class IngestReportResult {
  @Field(() => IngestOutcomeEnum)
  outcome!: StoreOutcome;

  @Field(() => Report)
  report!: Report;

  @Field(() => [ParseWarningType])
  warnings!: ParseWarningType[];
}

@InputType({ description: 'Identify the agency by id or name; fields left out stay as they are, null clears them' })
export class AgencyMetadataInput {
  @Field(() => ID, { nullable: true })
  id?: string;

  @Field({ nullable: true })
  name?: string;

  @Field(() => String, { nullable: true })
  fullName?: string | null;

  @Field(() => String, { nullable: true })
  shortName?: string | null;

  @Field(() => String, { nullable: true, description: 'province/city/county, e.g. 河南省/驻马店市' })
  region?: string | null;

  @Field(() => AgencyLevelEnum, { nullable: true })
  level?: AgencyLevel | null;

  @Field(() => ID, { nullable: true, description: 'The governing agency; null makes it a root' })
  parentId?: string | null;
}
