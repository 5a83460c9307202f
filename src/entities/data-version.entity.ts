import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row whose version goes up with every write that changes what queries
 * return (a report stored, replaced or deleted; agency metadata set). Extracts
 * use it as their ETag, shared by every gateway replica on the database.
 */
@Entity({ name: 'data_version' })
export class DataVersion {
  @PrimaryColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer' })
  version!: number;
}
