import type { MigrationInterface, QueryRunner } from 'typeorm';
import { localNameOf } from '../../../template/agency-names.template';

/**
 * Each agency's name without a region in front, indexed, so that a report
 * naming 洪泽区人民政府 finds 淮安市洪泽区人民政府 without scanning every
 * agency. Portable SQL: SQLite and PostgreSQL run it alike.
 */
export class AgencyLocalName1764000000000 implements MigrationInterface {
  name = 'AgencyLocalName1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agency" ADD COLUMN "local_name" varchar(200)`);
    await queryRunner.query(`CREATE INDEX "agency_local_name" ON "agency" ("local_name") `);
    const agencies: { id: number; name: string }[] = await queryRunner.query(`SELECT "id", "name" FROM "agency"`);
    const placeholder = queryRunner.connection.options.type === 'postgres' ? (n: number) => `$${n}` : () => '?';
    for (const agency of agencies) {
      await queryRunner.query(`UPDATE "agency" SET "local_name" = ${placeholder(1)} WHERE "id" = ${placeholder(2)}`, [localNameOf(agency.name), agency.id]);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "agency_local_name"`);
    await queryRunner.query(`ALTER TABLE "agency" DROP COLUMN "local_name"`);
  }
}
