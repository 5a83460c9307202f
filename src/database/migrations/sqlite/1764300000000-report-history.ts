import type { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillReportVersions } from '../portable/report-version-backfill';

/** Versions, corrections, check reviews and batches; each stored report becomes its version 1. */
export class ReportHistory1764300000000 implements MigrationInterface {
  name = 'ReportHistory1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "report_version" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "agency_id" integer NOT NULL, "year" integer NOT NULL, "parent_id" integer, "kind" varchar(16) NOT NULL, "source_file" varchar(1000), "content_hash" varchar(64) NOT NULL, "source_format" varchar(32) NOT NULL, "created_by" varchar(200), "reason" text, "changed" text NOT NULL, "cells_read" integer NOT NULL, "cells_total" integer NOT NULL, "parts" integer NOT NULL, "content" text NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_d8d617587122864e2aa97aa5b73" FOREIGN KEY ("agency_id") REFERENCES "agency" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(`CREATE INDEX "report_version_agency_year" ON "report_version" ("agency_id", "year") `);
    await queryRunner.query(
      `CREATE TABLE "check_review" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "agency_id" integer NOT NULL, "year" integer NOT NULL, "check_id" varchar(200) NOT NULL, "verdict" varchar(16) NOT NULL, "note" text NOT NULL, "expected" double precision, "actual" double precision, "version_id" integer NOT NULL, "reviewed_by" varchar(200) NOT NULL, "reviewed_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_651606f17669ed9b9caefca2d91" FOREIGN KEY ("agency_id") REFERENCES "agency" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(`CREATE INDEX "check_review_report" ON "check_review" ("agency_id", "year", "check_id") `);
    await queryRunner.query(
      `CREATE TABLE "ingest_batch" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "kind" varchar(16) NOT NULL, "source" text NOT NULL, "actor" varchar(200), "reason" text, "started_at" datetime NOT NULL DEFAULT (datetime('now')), "finished_at" varchar(32), "rolled_back_at" varchar(32), "rolled_back_by" varchar(200))`,
    );
    await queryRunner.query(
      `CREATE TABLE "ingest_batch_item" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "batch_id" integer NOT NULL, "path" varchar(1000) NOT NULL, "outcome" varchar(16) NOT NULL, "reason" text, "agency_id" integer, "year" integer, "version_id" integer, "previous_version_id" integer, CONSTRAINT "FK_ee05dc95bdef539ba3b9088badb" FOREIGN KEY ("batch_id") REFERENCES "ingest_batch" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(`CREATE INDEX "ingest_batch_item_batch" ON "ingest_batch_item" ("batch_id") `);
    await queryRunner.query(`ALTER TABLE "report" ADD COLUMN "unreviewed_failures" integer NOT NULL DEFAULT (0)`);
    await queryRunner.query(`ALTER TABLE "report" ADD COLUMN "current_version_id" integer`);
    await queryRunner.query(`ALTER TABLE "table_cell" ADD COLUMN "corrected" boolean NOT NULL DEFAULT (0)`);
    await queryRunner.query(`ALTER TABLE "table_cell" ADD COLUMN "correction_reason" text`);
    await queryRunner.query(`ALTER TABLE "table_cell" ADD COLUMN "value_before" double precision`);
    await queryRunner.query(`ALTER TABLE "table_cell" ADD COLUMN "status_before" varchar(8)`);
    await backfillReportVersions(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['status_before', 'value_before', 'correction_reason', 'corrected']) await queryRunner.query(`ALTER TABLE "table_cell" DROP COLUMN "${column}"`);
    for (const column of ['current_version_id', 'unreviewed_failures']) await queryRunner.query(`ALTER TABLE "report" DROP COLUMN "${column}"`);
    for (const table of ['ingest_batch_item', 'ingest_batch', 'check_review', 'report_version']) await queryRunner.query(`DROP TABLE "${table}"`);
  }
}
