import type { MigrationInterface, QueryRunner } from 'typeorm';
import { PREVIOUS_YEAR_ADDRESSES } from '../../../checks/cross-year.checks';
import { jumpChecks, rateChecks } from '../../../checks/plausibility.checks';
import { lookupOf, type ReportFacts } from '../../../checks/report-facts';
import { countWarnings } from '../../../checks/run-checks';
import type { TableCell } from '../../../entities/table-cell.entity';
import type { Generation } from '../../../template/template.types';

/** Reports backfilled per round: memory stays bounded however many there are. */
const ROUND = 500;

/**
 * The failing per-report plausibility checks (jumps against the previous year,
 * rates outside [0, 1]) kept on each report, like failing_checks, so reports
 * can be filtered by them; computed here for the reports already stored.
 * Portable SQL: SQLite and PostgreSQL run it alike.
 */
export class WarningChecks1764750000000 implements MigrationInterface {
  name = 'WarningChecks1764750000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report" ADD COLUMN "warning_checks" integer NOT NULL DEFAULT 0`);
    const p = queryRunner.connection.options.type === 'postgres' ? (n: number) => `$${n}` : () => '?';
    for (let afterId = 0; ; ) {
      const reports: ReportRow[] = await queryRunner.query(`SELECT "id", "agency_id", "year", "generation" FROM "report" WHERE "id" > ${p(1)} ORDER BY "id" LIMIT ${ROUND}`, [afterId]);
      if (reports.length === 0) return;
      for (const report of reports) {
        const cells = await cellsOf(queryRunner, p, report.id);
        if (cells.length === 0) continue;
        const previous: ReportRow[] = await queryRunner.query(`SELECT "id", "agency_id", "year", "generation" FROM "report" WHERE "agency_id" = ${p(1)} AND "year" = ${p(2)}`, [report.agency_id, report.year - 1]);
        const facts: ReportFacts = {
          year: report.year,
          generation: report.generation,
          cell: lookupOf(cells),
          sections: [],
          previous: previous[0] ? { year: previous[0].year, cell: lookupOf((await cellsOf(queryRunner, p, previous[0].id)).filter((c) => PREVIOUS_YEAR_ADDRESSES.includes(`${c.table}/${c.row}/${c.column}`))) } : undefined,
        };
        const warnings = countWarnings([...jumpChecks(facts), ...rateChecks(facts)]);
        if (warnings > 0) await queryRunner.query(`UPDATE "report" SET "warning_checks" = ${p(1)} WHERE "id" = ${p(2)}`, [warnings, report.id]);
      }
      afterId = reports[reports.length - 1]!.id;
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report" DROP COLUMN "warning_checks"`);
  }
}

interface ReportRow {
  id: number;
  agency_id: number;
  year: number;
  generation: Generation;
}

async function cellsOf(queryRunner: QueryRunner, p: (n: number) => string, reportId: number) {
  const rows: { table_code: string; row_code: string; column_code: string; value: number | null; status: TableCell['status'] }[] = await queryRunner.query(
    `SELECT "table_code", "row_code", "column_code", "value", "status" FROM "table_cell" WHERE "report_id" = ${p(1)}`,
    [reportId],
  );
  return rows.map((r) => ({ table: r.table_code, row: r.row_code, column: r.column_code, value: r.value === null ? null : Number(r.value), status: r.status }));
}
