import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { CellBox } from '../ingest/cell-box';
import type { CellStatus } from '../ingest/parsed-report.types';
import { CellBoxType } from '../schema/cell-box.type';
import { CellStatusEnum } from '../schema/enums';
import { cellAddress } from '../template/tables.template';
import { Report } from './report.entity';

// simpleResolvers: a page of reports holds tens of thousands of cells; their fields need no middleware.
@ObjectType('Cell', { description: 'One cell of tables t2, t3 or t4', simpleResolvers: true })
@Entity({ name: 'table_cell' })
@Index('table_cell_address', ['reportId', 'table', 'row', 'column'], { unique: true })
// PostgreSQL only, made by its migration (an INCLUDE index the schema builder cannot describe).
@Index('table_cell_by_address', { synchronize: false })
export class TableCell {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'report_id', type: 'integer' })
  reportId!: number;

  @ManyToOne(() => Report, (report) => report.cells, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id' })
  report!: Report;

  @Field({ description: 't2, t3 or t4' })
  @Column({ name: 'table_code', type: 'varchar', length: 8 })
  table!: string;

  @Field({ description: 'Row code, e.g. unable.notHeld' })
  @Column({ name: 'row_code', type: 'varchar', length: 64 })
  row!: string;

  @Field({ description: 'Column code, e.g. naturalPerson' })
  @Column({ name: 'column_code', type: 'varchar', length: 32 })
  column!: string;

  /** Template order of the cell within its report, for stable listings. */
  @Column({ type: 'integer' })
  ordinal!: number;

  @Field(() => Float, { nullable: true, description: 'null unless the status is NUMBER or ZERO' })
  @Column({ type: 'double precision', nullable: true })
  value!: number | null;

  @Field(() => String, { nullable: true, description: 'The text as printed' })
  @Column({ type: 'text', nullable: true })
  raw!: string | null;

  @Field(() => CellStatusEnum)
  @Column({ type: 'varchar', length: 8 })
  status!: CellStatus;

  @Field({ description: 'The value was derived from an identity, not read' })
  @Column({ type: 'boolean', default: false })
  inferred!: boolean;

  /** The identity that gave an inferred value. */
  @Field(() => String, { nullable: true, description: 'The identity that gave an inferred value' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  rule!: string | null;

  @Field(() => Int, { nullable: true, description: 'Source line the value was read from' })
  @Column({ type: 'integer', nullable: true })
  line!: number | null;

  @Field(() => Int, { nullable: true, description: "Read from a PDF: the page (1-based) the value's line is printed on; null for other formats and for a PDF stored before pages were kept" })
  @Column({ type: 'integer', nullable: true })
  page!: number | null;

  @Column({ name: 'box_x', type: 'double precision', nullable: true })
  boxX!: number | null;

  @Column({ name: 'box_y', type: 'double precision', nullable: true })
  boxY!: number | null;

  @Column({ name: 'box_width', type: 'double precision', nullable: true })
  boxWidth!: number | null;

  @Column({ name: 'box_height', type: 'double precision', nullable: true })
  boxHeight!: number | null;

  @Field(() => CellBoxType, { nullable: true, description: 'Read from a PDF: where the value is printed on its page; null when nothing is printed for it (BLANK, lost, inferred) and when page is null' })
  get box(): CellBox | null {
    return this.boxX === null || this.boxX === undefined ? null : { x: this.boxX, y: this.boxY!, width: this.boxWidth!, height: this.boxHeight! };
  }

  set box(box: CellBox | null) {
    this.boxX = box?.x ?? null;
    this.boxY = box?.y ?? null;
    this.boxWidth = box?.width ?? null;
    this.boxHeight = box?.height ?? null;
  }

  @Field({ description: 'The value or status was corrected by a person after reading' })
  @Column({ type: 'boolean', default: false })
  corrected!: boolean;

  @Field(() => String, { nullable: true, description: 'Why the cell was corrected' })
  @Column({ name: 'correction_reason', type: 'text', nullable: true })
  correctionReason!: string | null;

  @Field(() => Float, { nullable: true, description: 'A corrected cell: the value as read from the source' })
  @Column({ name: 'value_before', type: 'double precision', nullable: true })
  valueBefore!: number | null;

  @Field(() => CellStatusEnum, { nullable: true, description: 'A corrected cell: the status as read from the source' })
  @Column({ name: 'status_before', type: 'varchar', length: 8, nullable: true })
  statusBefore!: CellStatus | null;

  @Field({ description: 'table/row/column' })
  get address(): string {
    return cellAddress(this);
  }
}
