import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import type { Report } from './report.entity';

@Entity({ name: 'agency' })
export class Agency {
  @PrimaryGeneratedColumn()
  id!: number;

  /** The name as printed in report titles; unique. */
  @Column({ type: 'varchar', length: 200, unique: true })
  name!: string;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @OneToMany('Report', (report: Report) => report.agency)
  reports!: Report[];
}
