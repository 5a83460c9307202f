import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Agency } from './agency.entity';
import { SourceFormatEnum, VersionKindEnum } from '../schema/enums';
import type { VersionContent, VersionKind } from './history.types';
import type { SourceFormat } from './source-format.types';
import { VERSION_CONTENT_COLUMN } from './version-content';

/**
 * One stored reading of an agency's report for a year, never changed once
 * written. Keyed by agency and year rather than by report row, so the history
 * outlives a report deleted or rolled back out of existence.
 */
@ObjectType({ description: 'One stored reading of a report, never changed: the current one is what every read uses' })
@Entity({ name: 'report_version' })
@Index('report_version_agency_year', ['agencyId', 'year'])
export class ReportVersion {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'agency_id', type: 'integer' })
  agencyId!: number;

  @ManyToOne(() => Agency, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id' })
  agency!: Agency;

  @Field(() => Int)
  @Column({ type: 'integer' })
  year!: number;

  @Field(() => ID, { nullable: true, description: 'The version this one was read or corrected after' })
  @Column({ name: 'parent_id', type: 'integer', nullable: true })
  parentId!: number | null;

  @Field(() => VersionKindEnum)
  @Column({ type: 'varchar', length: 16 })
  kind!: VersionKind;

  @Field(() => String, { nullable: true })
  @Column({ name: 'source_file', type: 'varchar', length: 1000, nullable: true })
  sourceFile!: string | null;

  /** SHA-256 of the source text read; a correction keeps its parent's. */
  @Field({ description: 'SHA-256 of the source text (a correction keeps its parent\'s)' })
  @Column({ name: 'content_hash', type: 'varchar', length: 64 })
  contentHash!: string;

  @Field(() => SourceFormatEnum, { description: 'What the file was, detected from its bytes: TEXT, MARKDOWN, HTML or PDF' })
  @Column({ name: 'source_format', type: 'varchar', length: 32 })
  sourceFormat!: SourceFormat;

  @Field(() => String, { nullable: true, description: 'The text encoding the file was decoded from (utf-8, gb18030, utf-16le or utf-16be); null for a PDF' })
  @Column({ name: 'source_encoding', type: 'varchar', length: 16, nullable: true })
  sourceEncoding!: string | null;

  /** The API key's name, or the user running the command; null for versions made from reports stored before versions. */
  @Field(() => String, { nullable: true, description: 'Who made it: the API key\'s name or the user running the command' })
  @Column({ name: 'created_by', type: 'varchar', length: 200, nullable: true })
  createdBy!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** Addresses whose value or status differ from the parent's. */
  @Field(() => [String], { description: 'Addresses whose value or status differ from the parent version' })
  @Column({ type: 'simple-json' })
  changed!: string[];

  @Field(() => Int, { description: 'Cells not MISSING' })
  @Column({ name: 'cells_read', type: 'integer' })
  cellsRead!: number;

  @Field(() => Int)
  @Column({ name: 'cells_total', type: 'integer' })
  cellsTotal!: number;

  @Field(() => Int, { description: 'Parts found (of six)' })
  @Column({ type: 'integer' })
  parts!: number;

  @Column({ type: 'text', transformer: VERSION_CONTENT_COLUMN })
  content!: VersionContent;

  @Field()
  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}
