import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { AgencyLevelEnum, type AgencyLevel } from '../schema/enums';
import type { Report } from './report.entity';

@ObjectType({ description: 'A government body that publishes annual reports' })
@Entity({ name: 'agency' })
@Index('agency_path', ['path'])
@Index('agency_region', ['region'])
@Index('agency_local_name', ['localName'])
export class Agency {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  /** The name as printed in report titles; unique. */
  @Field({ description: 'The name as printed in report titles' })
  @Column({ type: 'varchar', length: 200, unique: true })
  name!: string;

  /** The name without a region in front (localNameOf), for finding one agency printed both ways. */
  @Column({ name: 'local_name', type: 'varchar', length: 200, nullable: true })
  localName!: string | null;

  @Field(() => String, { nullable: true, description: 'Its full name, e.g. with the region in front; finds the agency like its name' })
  @Column({ name: 'full_name', type: 'varchar', length: 300, nullable: true })
  fullName!: string | null;

  @Field(() => String, { nullable: true, description: 'Its short name; finds the agency like its name' })
  @Column({ name: 'short_name', type: 'varchar', length: 100, nullable: true })
  shortName!: string | null;

  @Field(() => String, { nullable: true, description: 'Administrative region as a path, province/city/county, e.g. 河南省/驻马店市' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  region!: string | null;

  @Field(() => AgencyLevelEnum, { nullable: true })
  @Column({ type: 'varchar', length: 32, nullable: true })
  level!: AgencyLevel | null;

  @Column({ name: 'parent_id', type: 'integer', nullable: true })
  parentId!: number | null;

  @ManyToOne(() => Agency, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'parent_id' })
  parent!: Agency | null;

  /** Ids of the ancestors, root first, as `/1/5/`: a subtree is one LIKE on an index. */
  @Column({ type: 'varchar', length: 400, default: '/' })
  path!: string;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @OneToMany('Report', (report: Report) => report.agency)
  reports!: Report[];
}
