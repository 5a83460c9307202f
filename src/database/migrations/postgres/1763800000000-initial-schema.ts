import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1763800000000 implements MigrationInterface {
  name = 'InitialSchema1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "agency" ("id" SERIAL NOT NULL, "name" character varying(200) NOT NULL, "full_name" character varying(300), "short_name" character varying(100), "region" character varying(200), "level" character varying(32), "parent_id" integer, "path" character varying(400) NOT NULL DEFAULT '/', "created_at" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "UQ_30e185b1233a7b5a3faedd4524e" UNIQUE ("name"), CONSTRAINT "PK_ab1244724d1c216e9720635a2e5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "agency_region" ON "agency" ("region") `);
    await queryRunner.query(`CREATE INDEX "agency_path" ON "agency" ("path") `);
    await queryRunner.query(
      `CREATE TABLE "report" ("id" SERIAL NOT NULL, "agency_id" integer NOT NULL, "year" integer NOT NULL, "generation" character varying(16) NOT NULL, "title" character varying(500) NOT NULL, "published_at" character varying(10), "content_hash" character varying(64) NOT NULL, "source_file" character varying(1000), "source_format" character varying(32) NOT NULL, "warnings" text NOT NULL, "created_at" TIMESTAMP NOT NULL DEFAULT now(), "updated_at" TIMESTAMP NOT NULL DEFAULT now(), "failing_checks" integer NOT NULL DEFAULT 0, CONSTRAINT "PK_99e4d0bea58cba73c57f935a546" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "report_agency_year" ON "report" ("agency_id", "year") `);
    await queryRunner.query(
      `CREATE TABLE "section" ("id" SERIAL NOT NULL, "report_id" integer NOT NULL, "parent_code" character varying(8), "code" character varying(8) NOT NULL, "ordinal" integer NOT NULL, "title" character varying(500) NOT NULL, "text" text NOT NULL, "line" integer NOT NULL, CONSTRAINT "PK_3c41d2d699384cc5e8eac54777d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "section_report" ON "section" ("report_id", "ordinal") `);
    await queryRunner.query(
      `CREATE TABLE "table_cell" ("id" SERIAL NOT NULL, "report_id" integer NOT NULL, "table_code" character varying(8) NOT NULL, "row_code" character varying(64) NOT NULL, "column_code" character varying(32) NOT NULL, "ordinal" integer NOT NULL, "value" double precision, "raw" text, "status" character varying(8) NOT NULL, "inferred" boolean NOT NULL DEFAULT false, "rule" character varying(100), "line" integer, CONSTRAINT "PK_9850b7853d9421b1b1f32ba3f6a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "table_cell_address" ON "table_cell" ("report_id", "table_code", "row_code", "column_code") `);
    await queryRunner.query(
      `ALTER TABLE "agency" ADD CONSTRAINT "FK_23b82556fb4ce8b297ecc6fbd2f" FOREIGN KEY ("parent_id") REFERENCES "agency"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "report" ADD CONSTRAINT "FK_0aaa9a24814443143ed7f972458" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "section" ADD CONSTRAINT "FK_5af36fa4390f0cc3c3beaf1a23f" FOREIGN KEY ("report_id") REFERENCES "report"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "table_cell" ADD CONSTRAINT "FK_2bd00a0b2d68f70093237797c2b" FOREIGN KEY ("report_id") REFERENCES "report"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`CREATE TABLE "data_version" ("id" integer NOT NULL, "version" integer NOT NULL, CONSTRAINT "PK_data_version" PRIMARY KEY ("id"))`);
    await queryRunner.query(`INSERT INTO "data_version" ("id", "version") VALUES (1, 0)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['data_version', 'table_cell', 'section', 'report', 'agency']) await queryRunner.query(`DROP TABLE "${table}"`);
  }
}
