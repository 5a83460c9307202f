import type { DataSource } from 'typeorm';
import type { VersionCell } from '../entities/history.types';
import type { Report } from '../entities/report.entity';
import type { ReportVersion } from '../entities/report-version.entity';
import { badUserInput } from '../errors/bad-user-input';
import { MAX_CELL_MAGNITUDE, statusOfNumber } from '../ingest/cell-value';
import type { CellStatus } from '../ingest/parsed-report.types';
import { cellAddress, isDecimalColumn } from '../template/tables.template';
import { insertVersion, makeCurrent } from './current-version.service';
import { currentOf, requiredReason } from './report-history.service';

export interface CellCorrection {
  address: string;
  value?: number | null;
  /** Defaults to NUMBER for a value above 0 and ZERO for 0. */
  status?: CellStatus | null;
}

export interface CorrectionRequest {
  reportId: number;
  reason: string;
  cells: CellCorrection[];
  actor: string;
}

const WITHOUT_VALUE: readonly CellStatus[] = ['BLANK', 'NA', 'MISSING'];

/**
 * Makes a CORRECTED version of the report's current one with the cells set as
 * given, and makes it current, in one transaction. Every cell keeps what was
 * printed and the value as read; the whole request is refused, and nothing
 * stored, if any part of it is wrong.
 */
export async function correctCells(dataSource: DataSource, request: CorrectionRequest): Promise<{ report: Report; version: ReportVersion }> {
  const reason = requiredReason(request.reason, 'correctCells(reason)');
  if (request.cells.length === 0) throw badUserInput('correctCells(cells): give at least one cell to correct', 'cells');
  return dataSource.transaction(async (manager) => {
    const { current } = await currentOf(manager, request.reportId, 'correctCells(reportId)');
    const cells = [...current.content.cells];
    const index = new Map(cells.map((cell, i) => [cellAddress(cell), i]));
    const seen = new Set<string>();
    request.cells.forEach((correction, i) => {
      const where = `correctCells(cells[${i}])`;
      const at = index.get(correction.address);
      if (at === undefined) throw badUserInput(`${where}: "${correction.address}" is not a cell of report ${request.reportId}; addresses look like t3/new/total`, `cells.${i}.address`);
      if (seen.has(correction.address)) throw badUserInput(`${where}: "${correction.address}" is given twice`, `cells.${i}.address`);
      seen.add(correction.address);
      cells[at] = corrected(cells[at]!, correction, reason, where, i);
    });
    const version = await insertVersion(manager, {
      agencyId: current.agencyId,
      year: current.year,
      parent: current,
      kind: 'CORRECTED',
      sourceFile: current.sourceFile,
      contentHash: current.contentHash,
      sourceFormat: current.sourceFormat,
      sourceEncoding: current.sourceEncoding,
      createdBy: request.actor,
      reason,
      content: { ...current.content, cells },
    });
    return { report: await makeCurrent(manager, version), version };
  });
}

function corrected(cell: VersionCell, correction: CellCorrection, reason: string, where: string, i: number): VersionCell {
  const value = correction.value ?? null;
  const status = correction.status ?? (value === null ? undefined : statusOfNumber(value));
  const refuse = (why: string) => badUserInput(`${where}: ${correction.address} ${why}`, `cells.${i}`);
  if (status === undefined) throw refuse('needs a value, or a status BLANK, NA or MISSING');
  if (WITHOUT_VALUE.includes(status) && value !== null) throw refuse(`cannot hold a value with status ${status}`);
  if (!WITHOUT_VALUE.includes(status) && value === null) throw refuse(`needs a value with status ${status}`);
  if (value !== null) {
    if (!Number.isFinite(value) || value < 0 || value > MAX_CELL_MAGNITUDE) throw refuse(`cannot hold ${value}: a cell holds a number from 0 to ${MAX_CELL_MAGNITUDE}`);
    if (!Number.isInteger(value) && !isDecimalColumn(cell.table, cell.column)) throw refuse(`cannot hold ${value}: it counts, so it holds whole numbers`);
    if (status !== statusOfNumber(value)) throw refuse(`cannot hold ${value} with status ${status}: 0 is ZERO, other numbers NUMBER`);
  }
  if (cell.value === value && cell.status === status) throw refuse(`already holds ${value ?? status}`);
  const read = cell.corrected ? { value: cell.valueBefore, status: cell.statusBefore! } : { value: cell.value, status: cell.status };
  // Set back to what was read: the cell is as read again, not corrected.
  if (read.value === value && read.status === status) return { ...cell, value, status, corrected: false, correctionReason: null, valueBefore: null, statusBefore: null };
  return { ...cell, value, status, corrected: true, correctionReason: reason, valueBefore: read.value, statusBefore: read.status };
}
