import type { MigrationInterface, QueryRunner } from 'typeorm';
import { insertCursorSecret } from '../cursor-secret-row';

/** The secret cursors are signed with, one per database (see CursorSecret). */
export class CursorSecret1764100000000 implements MigrationInterface {
  name = 'CursorSecret1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "cursor_secret" ("id" integer PRIMARY KEY NOT NULL, "secret" varchar(64) NOT NULL)`);
    await insertCursorSecret(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "cursor_secret"`);
  }
}
