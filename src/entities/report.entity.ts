import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ParseWarning } from '../ingest/parsed-report.types';
import type { Generation } from '../template/template.types';
import { Agency } from './agency.entity';
import type { Section } from './section.entity';
import type { TableCell } from './table-cell.entity';

@Entity({ name: 'report' })
@Index('report_agency_year', ['agencyId', 'year'], { unique: true })
export class Report {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'agency_id', type: 'integer' })
  agencyId!: number;

  @ManyToOne(() => Agency, (agency) => agency.reports, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id' })
  agency!: Agency;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'varchar', length: 16 })
  generation!: Generation;

  @Column({ type: 'varchar', length: 500 })
  title!: string;

  /** ISO date (YYYY-MM-DD) printed at the end of the report. */
  @Column({ name: 'published_at', type: 'varchar', length: 10, nullable: true })
  publishedAt!: string | null;

  /** SHA-256 of the decoded text: the same content ingested twice changes nothing. */
  @Column({ name: 'content_hash', type: 'varchar', length: 64 })
  contentHash!: string;

  @Column({ name: 'source_file', type: 'varchar', length: 1000, nullable: true })
  sourceFile!: string | null;

  /** The source format (text) and encoding it was decoded from. */
  @Column({ name: 'source_format', type: 'varchar', length: 32 })
  sourceFormat!: string;

  @Column({ type: 'simple-json' })
  warnings!: ParseWarning[];

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;

  @OneToMany('Section', (section: Section) => section.report)
  sections!: Section[];

  @OneToMany('TableCell', (cell: TableCell) => cell.report)
  cells!: TableCell[];
}
