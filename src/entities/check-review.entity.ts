import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Agency } from './agency.entity';
import { ReviewVerdictEnum } from '../schema/enums';
import type { ReviewVerdict } from './history.types';

/** What a reviewer concluded about a failing check, with the figures it failed on. */
@ObjectType({ description: 'A reviewer\'s conclusion on a failing check; it stays with the report while the check fails with the same figures' })
@Entity({ name: 'check_review' })
@Index('check_review_report', ['agencyId', 'year', 'checkId'])
export class CheckReview {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'agency_id', type: 'integer' })
  agencyId!: number;

  @ManyToOne(() => Agency, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id' })
  agency!: Agency;

  @Column({ type: 'integer' })
  year!: number;

  @Field()
  @Column({ name: 'check_id', type: 'varchar', length: 200 })
  checkId!: string;

  @Field(() => ReviewVerdictEnum)
  @Column({ type: 'varchar', length: 16 })
  verdict!: ReviewVerdict;

  @Field()
  @Column({ type: 'text' })
  note!: string;

  @Field(() => Float, { nullable: true, description: 'The check\'s expected value when reviewed' })
  @Column({ type: 'double precision', nullable: true })
  expected!: number | null;

  @Field(() => Float, { nullable: true, description: 'The check\'s actual value when reviewed' })
  @Column({ type: 'double precision', nullable: true })
  actual!: number | null;

  /** The version current when the review was written. */
  @Field(() => ID)
  @Column({ name: 'version_id', type: 'integer' })
  versionId!: number;

  @Field()
  @Column({ name: 'reviewed_by', type: 'varchar', length: 200 })
  reviewedBy!: string;

  @Field()
  @CreateDateColumn({ name: 'reviewed_at' })
  reviewedAt!: Date;
}
