import type { MigrationInterface, QueryRunner } from 'typeorm';
import { insertCursorSecret } from '../cursor-secret-row';

/** The secret cursors are signed with, one per database (see CursorSecret). */
export class CursorSecret1764100000000 implements MigrationInterface {
  name = 'CursorSecret1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "cursor_secret" ("id" integer NOT NULL, "secret" character varying(64) NOT NULL, CONSTRAINT "PK_cursor_secret" PRIMARY KEY ("id"))`);
    await insertCursorSecret(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "cursor_secret"`);
  }
}
