import type { QueryRunner } from 'typeorm';
import type { VersionCell, VersionContent, VersionSection } from '../../../entities/history.types';
import { packContent, uncorrected, versionStats } from '../../../entities/version-content';

/** Reports backfilled per round: memory stays bounded however many there are. */
const ROUND = 500;

/**
 * Makes each report stored before versions existed its version 1 (PARSED),
 * holding the sections and cells it has, and counts its failing checks as
 * unreviewed (there were no reviews).
 */
export async function backfillReportVersions(queryRunner: QueryRunner): Promise<void> {
  const postgres = queryRunner.connection.options.type === 'postgres';
  const p = (n: number) => (postgres ? `$${n}` : '?');
  for (let afterId = 0; ; ) {
    const reports: ReportRow[] = await queryRunner.query(
      `SELECT "id", "agency_id", "year", "generation", "title", "published_at", "content_hash", "source_file", "source_format", "warnings", "created_at" FROM "report" WHERE "id" > ${p(1)} ORDER BY "id" LIMIT ${ROUND}`,
      [afterId],
    );
    if (reports.length === 0) return;
    for (const report of reports) {
      const content = await contentOf(queryRunner, report, p);
      const stats = versionStats(content);
      const inserted: { id: number }[] = await queryRunner.query(
        `INSERT INTO "report_version" ("agency_id", "year", "parent_id", "kind", "source_file", "content_hash", "source_format", "created_by", "reason", "changed", "cells_read", "cells_total", "parts", "content", "created_at")` +
          ` VALUES (${[...Array(15).keys()].map((i) => p(i + 1)).join(', ')}) RETURNING "id"`,
        [report.agency_id, report.year, null, 'PARSED', report.source_file, report.content_hash, report.source_format, null, null, '[]', stats.cellsRead, stats.cellsTotal, stats.parts, JSON.stringify(packContent(content)), report.created_at],
      );
      await queryRunner.query(`UPDATE "report" SET "current_version_id" = ${p(1)}, "unreviewed_failures" = "failing_checks" WHERE "id" = ${p(2)}`, [inserted[0]!.id, report.id]);
    }
    afterId = reports[reports.length - 1]!.id;
  }
}

interface ReportRow {
  id: number;
  agency_id: number;
  year: number;
  generation: VersionContent['generation'];
  title: string;
  published_at: string | null;
  content_hash: string;
  source_file: string | null;
  source_format: string;
  warnings: string;
  created_at: unknown;
}

async function contentOf(queryRunner: QueryRunner, report: ReportRow, p: (n: number) => string): Promise<VersionContent> {
  const sections: { parent_code: string | null; code: string; title: string; text: string; line: number }[] = await queryRunner.query(
    `SELECT "parent_code", "code", "title", "text", "line" FROM "section" WHERE "report_id" = ${p(1)} ORDER BY "ordinal"`,
    [report.id],
  );
  const cells: { table_code: string; row_code: string; column_code: string; value: number | null; raw: string | null; status: VersionCell['status']; inferred: boolean | number; rule: string | null; line: number | null }[] =
    await queryRunner.query(`SELECT "table_code", "row_code", "column_code", "value", "raw", "status", "inferred", "rule", "line" FROM "table_cell" WHERE "report_id" = ${p(1)} ORDER BY "ordinal"`, [report.id]);
  return {
    generation: report.generation,
    title: report.title,
    publishedAt: report.published_at,
    warnings: JSON.parse(report.warnings) as VersionContent['warnings'],
    sections: sections.map((s): VersionSection => ({ parentCode: s.parent_code, code: s.code, title: s.title, text: s.text, line: s.line, page: null })),
    cells: cells.map((c) =>
      uncorrected({ table: c.table_code, row: c.row_code, column: c.column_code, value: c.value, raw: c.raw, status: c.status, inferred: Boolean(c.inferred), rule: c.rule, line: c.line, page: null, box: null }),
    ),
  };
}
