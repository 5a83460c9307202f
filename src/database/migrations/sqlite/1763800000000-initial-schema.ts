import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1763800000000 implements MigrationInterface {
  name = 'InitialSchema1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "agency" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(200) NOT NULL, "full_name" varchar(300), "short_name" varchar(100), "region" varchar(200), "level" varchar(32), "parent_id" integer, "path" varchar(400) NOT NULL DEFAULT ('/'), "created_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_30e185b1233a7b5a3faedd4524e" UNIQUE ("name"), CONSTRAINT "FK_23b82556fb4ce8b297ecc6fbd2f" FOREIGN KEY ("parent_id") REFERENCES "agency" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(`CREATE INDEX "agency_region" ON "agency" ("region") `);
    await queryRunner.query(`CREATE INDEX "agency_path" ON "agency" ("path") `);
    await queryRunner.query(
      `CREATE TABLE "report" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "agency_id" integer NOT NULL, "year" integer NOT NULL, "generation" varchar(16) NOT NULL, "title" varchar(500) NOT NULL, "published_at" varchar(10), "content_hash" varchar(64) NOT NULL, "source_file" varchar(1000), "source_format" varchar(32) NOT NULL, "warnings" text NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "failing_checks" integer NOT NULL DEFAULT (0), CONSTRAINT "FK_0aaa9a24814443143ed7f972458" FOREIGN KEY ("agency_id") REFERENCES "agency" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "report_agency_year" ON "report" ("agency_id", "year") `);
    await queryRunner.query(
      `CREATE TABLE "section" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "report_id" integer NOT NULL, "parent_code" varchar(8), "code" varchar(8) NOT NULL, "ordinal" integer NOT NULL, "title" varchar(500) NOT NULL, "text" text NOT NULL, "line" integer NOT NULL, CONSTRAINT "FK_5af36fa4390f0cc3c3beaf1a23f" FOREIGN KEY ("report_id") REFERENCES "report" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(`CREATE INDEX "section_report" ON "section" ("report_id", "ordinal") `);
    await queryRunner.query(
      `CREATE TABLE "table_cell" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "report_id" integer NOT NULL, "table_code" varchar(8) NOT NULL, "row_code" varchar(64) NOT NULL, "column_code" varchar(32) NOT NULL, "ordinal" integer NOT NULL, "value" double precision, "raw" text, "status" varchar(8) NOT NULL, "inferred" boolean NOT NULL DEFAULT (0), "rule" varchar(100), "line" integer, CONSTRAINT "FK_2bd00a0b2d68f70093237797c2b" FOREIGN KEY ("report_id") REFERENCES "report" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "table_cell_address" ON "table_cell" ("report_id", "table_code", "row_code", "column_code") `);
    await queryRunner.query(`CREATE TABLE "data_version" ("id" integer PRIMARY KEY NOT NULL, "version" integer NOT NULL)`);
    await queryRunner.query(`INSERT INTO "data_version" ("id", "version") VALUES (1, 0)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['data_version', 'table_cell', 'section', 'report', 'agency']) await queryRunner.query(`DROP TABLE "${table}"`);
  }
}
