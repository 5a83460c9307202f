import type { MigrationInterface, QueryRunner } from 'typeorm';

const CELL_COLUMNS = [
  ['page', 'integer'],
  ['box_x', 'double precision'],
  ['box_y', 'double precision'],
  ['box_width', 'double precision'],
  ['box_height', 'double precision'],
] as const;

/**
 * A cell read from a PDF keeps its page and the box its text is printed in;
 * a section, the page its heading is on. Portable SQL: SQLite and PostgreSQL
 * run it alike. Nothing to backfill: the stored text of a PDF no longer holds
 * its pages, so cells and sections stored before stay without (null), and
 * versions stored before read as without; ingesting the PDF again reads them.
 */
export class CellPage1764600000000 implements MigrationInterface {
  name = 'CellPage1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [column, type] of CELL_COLUMNS) await queryRunner.query(`ALTER TABLE "table_cell" ADD COLUMN "${column}" ${type}`);
    await queryRunner.query(`ALTER TABLE "section" ADD COLUMN "page" integer`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "section" DROP COLUMN "page"`);
    for (const [column] of [...CELL_COLUMNS].reverse()) await queryRunner.query(`ALTER TABLE "table_cell" DROP COLUMN "${column}"`);
  }
}
