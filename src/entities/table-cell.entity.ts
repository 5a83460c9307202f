import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { CellStatus } from '../ingest/parsed-report.types';
import { Report } from './report.entity';

@Entity({ name: 'table_cell' })
@Index('table_cell_address', ['reportId', 'table', 'row', 'column'], { unique: true })
@Index('table_cell_measure', ['table', 'row', 'column'])
export class TableCell {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'report_id', type: 'integer' })
  reportId!: number;

  @ManyToOne(() => Report, (report) => report.cells, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id' })
  report!: Report;

  @Column({ name: 'table_code', type: 'varchar', length: 8 })
  table!: string;

  @Column({ name: 'row_code', type: 'varchar', length: 64 })
  row!: string;

  @Column({ name: 'column_code', type: 'varchar', length: 32 })
  column!: string;

  /** Template order of the cell within its report, for stable listings. */
  @Column({ type: 'integer' })
  ordinal!: number;

  @Column({ type: 'double precision', nullable: true })
  value!: number | null;

  @Column({ type: 'text', nullable: true })
  raw!: string | null;

  @Column({ type: 'varchar', length: 8 })
  status!: CellStatus;

  @Column({ type: 'boolean', default: false })
  inferred!: boolean;

  /** The identity that gave an inferred value. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  rule!: string | null;

  @Column({ type: 'integer', nullable: true })
  line!: number | null;
}
