import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Report } from './report.entity';

/** One of the six parts, or a sub-part of part 一 (parentCode set). */
@ObjectType({ description: 'A part of the report, or a sub-part of part 一' })
@Entity({ name: 'section' })
@Index('section_report', ['reportId', 'ordinal'])
export class Section {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'report_id', type: 'integer' })
  reportId!: number;

  @ManyToOne(() => Report, (report) => report.sections, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id' })
  report!: Report;

  /** The code of the part a sub-part belongs to (1 for 1.1–1.5); null for a part. */
  @Column({ name: 'parent_code', type: 'varchar', length: 8, nullable: true })
  parentCode!: string | null;

  /** Template code: 1–6 for the parts, 1.1–1.5 for the sub-parts. */
  @Field({ description: '1–6 for the parts, 1.1–1.5 for the sub-parts of part 一' })
  @Column({ type: 'varchar', length: 8 })
  code!: string;

  /** Order within the report, parts and sub-parts in reading order. */
  @Column({ type: 'integer' })
  ordinal!: number;

  @Field({ description: 'The heading as printed' })
  @Column({ type: 'varchar', length: 500 })
  title!: string;

  @Field({ description: 'The text under the heading (a part with sub-parts: the text before the first)' })
  @Column({ type: 'text' })
  text!: string;

  /** 1-based source line of the heading. */
  @Field(() => Int, { description: 'Source line of the heading' })
  @Column({ type: 'integer' })
  line!: number;

  @Field(() => Int, { nullable: true, description: 'Read from a PDF: the page (1-based) the heading is printed on; null for other formats and for a PDF stored before pages were kept' })
  @Column({ type: 'integer', nullable: true })
  page!: number | null;
}
