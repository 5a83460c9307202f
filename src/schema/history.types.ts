import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { IngestBatchItem } from '../entities/ingest-batch-item.entity';
import { Report } from '../entities/report.entity';
import { ReportVersion } from '../entities/report-version.entity';
import { TableCell } from '../entities/table-cell.entity';
import type { CellStatus } from '../ingest/parsed-report.types';
import { CellStatusEnum } from './enums';

@InputType({ description: 'A cell set by hand: a value (status NUMBER, or ZERO for 0), or a status BLANK, NA or MISSING without one' })
export class CellCorrectionInput {
  @Field({ description: 'table/row/column, e.g. t3/new/total' })
  address!: string;

  @Field(() => Float, { nullable: true })
  value?: number | null;

  @Field(() => CellStatusEnum, { nullable: true })
  status?: CellStatus | null;
}

@ObjectType({ description: 'A correction a new reading could not take over: the source now reads the cell differently' })
export class CorrectionConflict {
  @Field()
  address!: string;

  @Field(() => Float, { nullable: true, description: 'The corrected value, not carried over' })
  corrected!: number | null;

  @Field(() => Float, { nullable: true, description: 'What was read when the correction was made' })
  readBefore!: number | null;

  @Field(() => Float, { nullable: true, description: 'What the new reading reads' })
  readNow!: number | null;

  @Field({ description: 'The correction\'s reason' })
  reason!: string;
}

@ObjectType({ description: 'A cell whose value or status differ between two versions; before or after is null where a version lacks the cell' })
export class CellChange {
  @Field()
  address!: string;

  @Field(() => TableCell, { nullable: true })
  before!: TableCell | null;

  @Field(() => TableCell, { nullable: true })
  after!: TableCell | null;
}

@ObjectType()
export class CorrectionResult {
  @Field(() => Report)
  report!: Report;

  @Field(() => ReportVersion, { description: 'The CORRECTED version, now current' })
  version!: ReportVersion;
}

@ObjectType({ description: 'How many files (or activations) of a batch had each outcome' })
export class BatchCounts {
  @Field(() => Int) stored!: number;
  @Field(() => Int) replaced!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => Int) kept!: number;
  @Field(() => Int) refused!: number;
  @Field(() => Int) activated!: number;
}

export function countItems(items: readonly IngestBatchItem[]): BatchCounts {
  const counts: BatchCounts = { stored: 0, replaced: 0, unchanged: 0, kept: 0, refused: 0, activated: 0 };
  for (const item of items) counts[item.outcome] += 1;
  return counts;
}
