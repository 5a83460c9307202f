import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row holding the random secret that connection cursors are signed with
 * when NIANBAO_CURSOR_SECRET is not set. Kept in the database so every gateway
 * replica on it, and every restart, signs and checks cursors alike.
 */
@Entity({ name: 'cursor_secret' })
export class CursorSecret {
  @PrimaryColumn({ type: 'integer' })
  id!: number;

  /** 32 random bytes, hex. */
  @Column({ type: 'varchar', length: 64 })
  secret!: string;
}
