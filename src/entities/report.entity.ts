import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ParseWarning } from '../ingest/parsed-report.types';
import { GenerationEnum, SourceFormatEnum } from '../schema/enums';
import { ParseWarningType } from '../schema/parse-warning.type';
import type { Generation } from '../template/template.types';
import { Agency } from './agency.entity';
import type { Section } from './section.entity';
import type { SourceFormat } from './source-format.types';
import type { TableCell } from './table-cell.entity';

@ObjectType({ description: 'One agency\'s annual report for one year' })
@Entity({ name: 'report' })
@Index('report_agency_year', ['agencyId', 'year'], { unique: true })
export class Report {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'agency_id', type: 'integer' })
  agencyId!: number;

  @ManyToOne(() => Agency, (agency) => agency.reports, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id' })
  agency!: Agency;

  @Field(() => Int)
  @Column({ type: 'integer' })
  year!: number;

  @Field(() => GenerationEnum)
  @Column({ type: 'varchar', length: 16 })
  generation!: Generation;

  @Field()
  @Column({ type: 'varchar', length: 500 })
  title!: string;

  /** ISO date (YYYY-MM-DD) printed at the end of the report. */
  @Field(() => LocalDateResolver, { nullable: true })
  @Column({ name: 'published_at', type: 'varchar', length: 10, nullable: true })
  publishedAt!: string | null;

  /** SHA-256 of the decoded text: the same content ingested twice changes nothing. */
  @Column({ name: 'content_hash', type: 'varchar', length: 64 })
  contentHash!: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'source_file', type: 'varchar', length: 1000, nullable: true })
  sourceFile!: string | null;

  @Field(() => SourceFormatEnum, { description: 'What the file was, detected from its bytes: TEXT, MARKDOWN, HTML or PDF' })
  @Column({ name: 'source_format', type: 'varchar', length: 32 })
  sourceFormat!: SourceFormat;

  @Field(() => String, { nullable: true, description: 'The text encoding the file was decoded from (utf-8, gb18030, utf-16le or utf-16be); null for a PDF' })
  @Column({ name: 'source_encoding', type: 'varchar', length: 16, nullable: true })
  sourceEncoding!: string | null;

  @Field(() => [ParseWarningType])
  @Column({ type: 'simple-json' })
  warnings!: ParseWarning[];

  /** Consistency checks that fail, kept current on ingest (the report's and the next year's) for filtering. */
  @Field(() => Int, { description: 'How many checks fail' })
  @Column({ name: 'failing_checks', type: 'integer', default: 0 })
  failingChecks!: number;

  /** Parts present + cells not MISSING: reportCompleteness's numerator, kept on ingest for aggregates. */
  @Column({ name: 'completeness_count', type: 'integer', default: 0 })
  completenessCount!: number;

  /** Failing checks without a review that still applies, kept current like failingChecks. */
  @Field(() => Int, { description: 'How many failing checks no review explains' })
  @Column({ name: 'unreviewed_failures', type: 'integer', default: 0 })
  unreviewedFailures!: number;

  /** Failing per-report plausibility checks (jumps, rates), kept current like failingChecks; the peer ones are computed on read. */
  @Column({ name: 'warning_checks', type: 'integer', default: 0 })
  warningChecks!: number;

  /** The version whose content the report's row, sections and cells hold. */
  @Column({ name: 'current_version_id', type: 'integer', nullable: true })
  currentVersionId!: number | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;

  @OneToMany('Section', (section: Section) => section.report)
  sections!: Section[];

  @OneToMany('TableCell', (cell: TableCell) => cell.report)
  cells!: TableCell[];
}
