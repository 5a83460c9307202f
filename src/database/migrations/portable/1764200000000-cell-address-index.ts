import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * On PostgreSQL, cells by address (with the report, value and status in the
 * index itself): an aggregate of one measure reads one index entry per report
 * instead of scanning every cell. SQLite looks a report's cells up on its
 * (report, address) index instead, and keeps its ingest free of a second index.
 */
export class CellAddressIndex1764200000000 implements MigrationInterface {
  name = 'CellAddressIndex1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'postgres') return;
    await queryRunner.query(`CREATE INDEX "table_cell_by_address" ON "table_cell" ("table_code", "row_code", "column_code") INCLUDE ("report_id", "value", "status")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'postgres') return;
    await queryRunner.query(`DROP INDEX "table_cell_by_address"`);
  }
}
