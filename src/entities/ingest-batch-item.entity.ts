import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { IngestBatch } from './ingest-batch.entity';
import { BatchItemOutcomeEnum } from '../schema/enums';
import type { ItemOutcome } from './history.types';

/** One file of a batch (or the version an activation made current), with what was current before it. */
@ObjectType('BatchItem', { simpleResolvers: true })
@Entity({ name: 'ingest_batch_item' })
@Index('ingest_batch_item_batch', ['batchId'])
export class IngestBatchItem {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'batch_id', type: 'integer' })
  batchId!: number;

  @ManyToOne(() => IngestBatch, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'batch_id' })
  batch!: IngestBatch;

  @Field()
  @Column({ type: 'varchar', length: 1000 })
  path!: string;

  @Field(() => BatchItemOutcomeEnum)
  @Column({ type: 'varchar', length: 16 })
  outcome!: ItemOutcome;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'agency_id', type: 'integer', nullable: true })
  agencyId!: number | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'integer', nullable: true })
  year!: number | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'version_id', type: 'integer', nullable: true })
  versionId!: number | null;

  /** Current before this item; null when the report did not exist. */
  @Field(() => ID, { nullable: true, description: 'Current before; null when the report was new' })
  @Column({ name: 'previous_version_id', type: 'integer', nullable: true })
  previousVersionId!: number | null;
}
