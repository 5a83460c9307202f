import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { BatchKindEnum } from '../schema/enums';
import type { BatchKind } from './history.types';

/** One ingest run (a command, a mutation call) or one activation: what changed which report's current version. */
@ObjectType('Batch', { description: 'One ingest run or activation, and what it did to each report' })
@Entity({ name: 'ingest_batch' })
export class IngestBatch {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => BatchKindEnum)
  @Column({ type: 'varchar', length: 16 })
  kind!: BatchKind;

  /** The paths given to the command, or the file name sent to the mutation. */
  @Field()
  @Column({ type: 'text' })
  source!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  actor!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Field()
  @CreateDateColumn({ name: 'started_at' })
  startedAt!: Date;

  @Field(() => String, { nullable: true, description: 'ISO time; null while running (or if the run was stopped)' })
  @Column({ name: 'finished_at', type: 'varchar', length: 32, nullable: true })
  finishedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO time of the rollback' })
  @Column({ name: 'rolled_back_at', type: 'varchar', length: 32, nullable: true })
  rolledBackAt!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'rolled_back_by', type: 'varchar', length: 200, nullable: true })
  rolledBackBy!: string | null;
}
