import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Report } from '../entities/report.entity';
import { ReportVersion } from '../entities/report-version.entity';
import { CorrectionConflict } from './history.types';
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

  @Field({ nullable: true, defaultValue: false, description: 'Make the new reading current even when it reads fewer cells or parts than the current one' })
  makeCurrent?: boolean;
}

@ObjectType()
export class IngestReportResult {
  @Field(() => IngestOutcomeEnum)
  outcome!: StoreOutcome;

  @Field(() => Report, { description: 'The report as it now is (kept: the current one, unchanged)' })
  report!: Report;

  @Field(() => [ParseWarningType])
  warnings!: ParseWarningType[];

  @Field(() => ReportVersion, { description: 'The version the reading was stored as (unchanged: the current one)' })
  version!: ReportVersion;

  @Field(() => String, { nullable: true, description: 'kept: why the new reading did not become current' })
  reason!: string | null;

  @Field(() => [CorrectionConflict], { description: 'Corrections not carried onto the new reading, because it reads those cells differently' })
  conflicts!: CorrectionConflict[];

  @Field(() => ID, { description: 'The batch this call was recorded as' })
  batchId!: number;
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
