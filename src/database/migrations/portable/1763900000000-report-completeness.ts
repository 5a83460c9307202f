import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reportCompleteness numerator kept on each report, so aggregates read a
 * column instead of counting every cell. Portable SQL: SQLite and PostgreSQL run it alike.
 */
export class ReportCompleteness1763900000000 implements MigrationInterface {
  name = 'ReportCompleteness1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report" ADD COLUMN "completeness_count" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(
      `UPDATE "report" SET "completeness_count" =` +
        ` (SELECT COUNT(*) FROM "section" part WHERE part."report_id" = "report"."id" AND part."parent_code" IS NULL AND part."code" IN ('1', '2', '3', '4', '5', '6'))` +
        ` + (SELECT COUNT(*) FROM "table_cell" present WHERE present."report_id" = "report"."id" AND present."status" <> 'MISSING')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report" DROP COLUMN "completeness_count"`);
  }
}
