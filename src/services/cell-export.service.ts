import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { Report } from '../entities/report.entity';
import { TableCell } from '../entities/table-cell.entity';
import type { ParsedCell } from '../ingest/parsed-report.types';
import { cellAddress } from '../template/tables.template';

/** One cell of the tidy export (docs/export.md): the parsed cell with its report and address. */
export interface CellRecord extends ParsedCell {
  reportId: number;
  agency: string;
  year: number;
  address: string;
}

export const CELL_RECORD_FIELDS: readonly (keyof CellRecord)[] = [
  'reportId', 'agency', 'year', 'table', 'row', 'column', 'address', 'value', 'raw', 'status', 'inferred', 'rule', 'line',
];

/** Reports read per batch: memory stays bounded however large the database. */
const REPORT_BATCH = 200;

export interface ExportFilter {
  years?: number[];
  /** Exact agency names. */
  agencies?: string[];
  tables?: string[];
}

/** Every stored cell (or those the filter keeps), report by report (by id) in template order. */
export async function* exportCells(db: EntityManager, filter: ExportFilter = {}): AsyncGenerator<CellRecord> {
  let afterId = 0;
  for (;;) {
    const query = db
      .getRepository(Report)
      .createQueryBuilder('report')
      .innerJoinAndSelect('report.agency', 'agency')
      .where('report.id > :afterId', { afterId });
    if (filter.years?.length) query.andWhere('report.year IN (:...years)', { years: filter.years });
    if (filter.agencies?.length) query.andWhere('agency.name IN (:...agencies)', { agencies: filter.agencies });
    const reports = await query.orderBy('report.id', 'ASC').take(REPORT_BATCH).getMany();
    if (reports.length === 0) return;
    const cells = await db.getRepository(TableCell).find({
      where: { reportId: In(reports.map((r) => r.id)), ...(filter.tables?.length ? { table: In(filter.tables) } : {}) },
      order: { reportId: 'ASC', ordinal: 'ASC' },
    });
    const byId = new Map(reports.map((r) => [r.id, r]));
    for (const cell of cells) {
      const report = byId.get(cell.reportId)!;
      yield {
        reportId: cell.reportId,
        agency: report.agency.name,
        year: report.year,
        table: cell.table,
        row: cell.row,
        column: cell.column,
        address: cellAddress(cell),
        value: cell.value,
        raw: cell.raw,
        status: cell.status,
        inferred: cell.inferred,
        rule: cell.rule,
        line: cell.line,
      };
    }
    afterId = reports[reports.length - 1]!.id;
  }
}
