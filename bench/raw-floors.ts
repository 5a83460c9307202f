import { computeFigures, figureInputOf } from '../src/figures/compute-figures';
import { runChecks } from '../src/checks/run-checks';
import type { ParsedReport } from '../src/ingest/parsed-report.types';
import { buildReportFacts } from '../src/services/report-facts';
import type { DataSource } from 'typeorm';

/**
 * The floors the gateway is measured against: the same work done by hand
 * with the driver — prepared multi-row INSERTs in one transaction per report,
 * and plain SELECTs with the result built as JSON.
 */
export async function rawInsert(dataSource: DataSource, reports: ParsedReport[]): Promise<void> {
  const postgres = dataSource.options.type === 'postgres';
  const runner = dataSource.createQueryRunner('master');
  await runner.connect();
  const p = (count: number, offset = 0) => Array.from({ length: count }, (_, i) => (postgres ? `$${offset + i + 1}` : '?')).join(', ');
  try {
    for (const report of reports) {
      await runner.startTransaction();
      await runner.query(`INSERT INTO agency (name, path) VALUES (${p(2)}) ON CONFLICT (name) DO NOTHING`, [report.agencyName, '/']);
      const agencyId = (await runner.query(`SELECT id FROM agency WHERE name = ${p(1)}`, [report.agencyName]))[0].id as number;
      await runner.query(
        `INSERT INTO report (agency_id, year, generation, title, published_at, content_hash, source_file, source_format, warnings, failing_checks) VALUES (${p(10)})`,
        [agencyId, report.year, report.generation, report.title, report.publishedAt, 'raw', null, 'text/utf-8', JSON.stringify(report.warnings), 0],
      );
      const reportId = (await runner.query(`SELECT id FROM report WHERE agency_id = ${p(1)} AND year = ${p(1, 1)}`, [agencyId, report.year]))[0].id as number;
      const sections = report.sections.flatMap((part) => [[part, null] as const, ...part.children.map((child) => [child, part.code] as const)]);
      await runner.query(
        `INSERT INTO section (report_id, parent_code, code, ordinal, title, text, line) VALUES ${sections.map((_, i) => `(${p(7, i * 7)})`).join(', ')}`,
        sections.flatMap(([s, parent], ordinal) => [reportId, parent, s.code, ordinal, s.title, s.text, s.line]),
      );
      await runner.query(
        `INSERT INTO table_cell (report_id, table_code, row_code, column_code, ordinal, value, raw, status, inferred, rule, line) VALUES ${report.cells.map((_, i) => `(${p(11, i * 11)})`).join(', ')}`,
        report.cells.flatMap((c, ordinal) => [reportId, c.table, c.row, c.column, ordinal, c.value, c.raw, c.status, postgres ? c.inferred : Number(c.inferred), c.rule, c.line]),
      );
      await runner.commitTransaction();
    }
  } finally {
    await runner.release();
  }
}

/** 100 reports with their t3 cells, figures and checks, by hand: four SELECTs and JSON. */
export async function rawNested(dataSource: DataSource): Promise<string> {
  const reports: { id: number; agency_id: number; year: number; generation: string; name: string }[] = await dataSource.query(
    'SELECT r.id, r.agency_id, r.year, r.generation, a.name FROM report r JOIN agency a ON a.id = r.agency_id ORDER BY r.id LIMIT 100',
  );
  const ids = reports.map((r) => r.id).join(',');
  const previous: { id: number; agency_id: number; year: number }[] = await dataSource.query(
    `SELECT p.id, p.agency_id, p.year FROM report p JOIN report r ON r.agency_id = p.agency_id AND p.year = r.year - 1 WHERE r.id IN (${ids})`,
  );
  const cellIds = [...reports.map((r) => r.id), ...previous.map((p) => p.id)].join(',');
  const cells: { report_id: number; table_code: string; row_code: string; column_code: string; value: number | null; status: string }[] = await dataSource.query(
    `SELECT report_id, table_code, row_code, column_code, value, status FROM table_cell WHERE report_id IN (${cellIds}) ORDER BY report_id, ordinal`,
  );
  const sections: { report_id: number; code: string; text: string }[] = await dataSource.query(`SELECT report_id, code, text FROM section WHERE report_id IN (${ids})`);
  const cellsOf = (id: number) => cells.filter((c) => c.report_id === id).map((c) => ({ table: c.table_code, row: c.row_code, column: c.column_code, value: c.value, status: c.status as never }));
  return JSON.stringify(
    reports.map((r) => {
      const prior = previous.find((p) => p.agency_id === r.agency_id && p.year === r.year - 1);
      const own = cellsOf(r.id);
      const facts = buildReportFacts(
        { report: { year: r.year, generation: r.generation as never }, cells: own, sections: sections.filter((s) => s.report_id === r.id) },
        prior ? { report: { year: prior.year, generation: 'G3' }, cells: cellsOf(prior.id) } : undefined,
      );
      const figures = Object.fromEntries(computeFigures(figureInputOf(facts)).map((f) => [f.name, f.value]));
      return {
        id: r.id,
        year: r.year,
        agency: { name: r.name },
        cells: own.filter((c) => c.table === 't3').map((c) => ({ address: `${c.table}/${c.row}/${c.column}`, value: c.value, status: c.status })),
        figures: { completionRate: figures.completionRate, disclosureRate: figures.disclosureRate },
        checks: runChecks(facts, own.length > 0).map((c) => ({ id: c.id, status: c.status })),
      };
    }),
  );
}

/** The hand-written floors' join: each report's (`r`) three t3 totals a completion rate needs, as `c.new_total`, `c.carried_over`, `c.results`. */
export const T3_TOTALS_JOIN = `LEFT JOIN (
      SELECT report_id,
        MAX(CASE WHEN row_code = 'new' THEN value END) AS new_total,
        MAX(CASE WHEN row_code = 'carriedOver' THEN value END) AS carried_over,
        MAX(CASE WHEN row_code = 'resultsTotal' THEN value END) AS results
      FROM table_cell WHERE table_code = 't3' AND column_code = 'total' AND row_code IN ('new', 'carriedOver', 'resultsTotal') AND status IN ('NUMBER', 'ZERO')
      GROUP BY report_id
    ) c ON c.report_id = r.id`;

/** Σ new applications and the pooled completion rate per group, by hand: one GROUP BY. */
export async function rawAggregate(dataSource: DataSource, groupBy: 'year' | 'region'): Promise<unknown[]> {
  const key = groupBy === 'year' ? 'r.year' : 'a.region';
  return dataSource.query(`
    SELECT ${key} AS k, COUNT(*) AS n, SUM(c.new_total) AS new_total,
      CAST(SUM(CASE WHEN c.new_total IS NOT NULL AND c.carried_over IS NOT NULL AND c.results IS NOT NULL THEN c.results END) AS DOUBLE PRECISION)
        / SUM(CASE WHEN c.new_total IS NOT NULL AND c.carried_over IS NOT NULL AND c.results IS NOT NULL THEN c.new_total + c.carried_over END) AS completion
    FROM report r JOIN agency a ON a.id = r.agency_id
    ${T3_TOTALS_JOIN}
    GROUP BY ${key} ORDER BY ${key}`);
}
