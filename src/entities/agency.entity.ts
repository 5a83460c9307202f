import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import type { Report } from './report.entity';

@ObjectType({ description: 'A government body that publishes annual reports' })
@Entity({ name: 'agency' })
export class Agency {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  /** The name as printed in report titles; unique. */
  @Field({ description: 'The name as printed in report titles' })
  @Column({ type: 'varchar', length: 200, unique: true })
  name!: string;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @OneToMany('Report', (report: Report) => report.agency)
  reports!: Report[];
}
