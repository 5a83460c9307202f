import type { EntityManager } from 'typeorm';
import type { Check } from '../checks/check.types';
import { peerChecks, type PeerCellStatistics, type PeerContext } from '../checks/plausibility-peer.checks';
import type { CellFact } from '../checks/report-facts';
import type { CellStatus } from '../ingest/parsed-report.types';
import { PEER_WATCHED_CELLS, PLAUSIBILITY_PEER_GROUP, PLAUSIBILITY_THRESHOLDS } from '../checks/plausibility-thresholds.data';
import { parseCellAddress } from '../template/tables.template';
import { describePeerGroup, MIN_PEER_COUNT, traitsOf, type PeerGroup } from '../figures/peer-group';
import { PEER_TRAIT_COLUMNS } from './peer-group-sql';
import { percentileSql } from './percentile-sql';

const GROUP: PeerGroup = PLAUSIBILITY_PEER_GROUP;
const TRAIT_COLUMNS = traitsOf(GROUP).map((trait) => PEER_TRAIT_COLUMNS[trait]);
const PRINTED = `'NUMBER', 'ZERO'`;

/** Who the peer rules compare a report with, and from how many on they judge. */
export const PLAUSIBILITY_PEERS: PeerContext = { peers: describePeerGroup(GROUP), minPeerCount: MIN_PEER_COUNT };

/** A trait's column (`report.year`, `agency.level`) over other aliases of report and agency. */
function aliased(column: string, report: string, agency: string): string {
  const [table, name] = column.split('.') as [string, string];
  return `${table === 'report' ? report : agency}.${name}`;
}

/** The watched cells, as a condition on a table_cell alias (the template's codes, no user text). */
function watched(cell: string): string {
  return `(${PEER_WATCHED_CELLS.map(parseCellAddress)
    .map((a) => `(${cell}.table_code = '${a.table}' AND ${cell}.row_code = '${a.row}' AND ${cell}.column_code = '${a.column}')`)
    .join(' OR ')})`;
}

interface StatisticsRow {
  own_id: number;
  table_code: string;
  row_code: string;
  column_code: string;
  reports: number | string;
  printed: number | string;
  median: number | string | null;
  own_value: number | string | null;
  own_status: CellStatus | null;
}

/** A watched cell's statistics over a report's peers, with what the report itself holds there. */
export interface PeerCell extends PeerCellStatistics {
  own: CellFact | undefined;
}

/**
 * Per peer group (its trait values g0, g1, …) and watched cell: how many
 * reports have the cell, how many print a number, and the median of those
 * numbers; over the groups `pageGroups` names (a relation with the same g
 * columns), or over every group.
 */
function groupStatisticsSql(postgres: boolean, pageGroups?: string): string {
  const groupBy = [...TRAIT_COLUMNS.map((column) => column), 'cell.table_code', 'cell.row_code', 'cell.column_code'].join(', ');
  return (
    `SELECT ${TRAIT_COLUMNS.map((column, i) => `${column} AS g${i}, `).join('')}cell.table_code, cell.row_code, cell.column_code, COUNT(*) AS reports,` +
    ` SUM(CASE WHEN cell.status IN (${PRINTED}) THEN 1 ELSE 0 END) AS printed,` +
    ` ${percentileSql(postgres, `CASE WHEN cell.status IN (${PRINTED}) THEN cell.value END`, '0.5')} AS median` +
    ` FROM report INNER JOIN agency ON agency.id = report.agency_id INNER JOIN table_cell cell ON cell.report_id = report.id AND ${watched('cell')}` +
    (pageGroups ? ` WHERE EXISTS (SELECT 1 FROM ${pageGroups} WHERE ${['1 = 1', ...TRAIT_COLUMNS.map((column, i) => `${pageGroups}.g${i} = ${column}`)].join(' AND ')})` : '') +
    ` GROUP BY ${groupBy}`
  );
}

/**
 * The watched cells' statistics over the peer group of each report, in one
 * statement: the groups of the reports asked for, each group's statistics,
 * joined back to the reports with what each holds in the cell itself (so the
 * checks need no other read); each report's in the order of PEER_WATCHED_CELLS.
 */
export async function peerStatistics(db: EntityManager, reportIds: readonly number[]): Promise<Map<number, PeerCell[]>> {
  const postgres = db.connection.options.type === 'postgres';
  const ids = reportIds.map((_, i) => (postgres ? `$${i + 1}` : '?')).join(', ');
  const sameGroup = ['1 = 1', ...TRAIT_COLUMNS.map((_, i) => `peer_statistics.g${i} = page_report.g${i}`)].join(' AND ');
  const rows: StatisticsRow[] = await db.query(
    `WITH page_report AS (SELECT report.id AS own_id${TRAIT_COLUMNS.map((column, i) => `, ${column} AS g${i}`).join('')} FROM report INNER JOIN agency ON agency.id = report.agency_id WHERE report.id IN (${ids})),` +
      ` peer_statistics AS (${groupStatisticsSql(postgres, 'page_report')})` +
      ` SELECT page_report.own_id, peer_statistics.table_code, peer_statistics.row_code, peer_statistics.column_code, peer_statistics.reports, peer_statistics.printed, peer_statistics.median,` +
      ` own_cell.value AS own_value, own_cell.status AS own_status` +
      ` FROM page_report INNER JOIN peer_statistics ON ${sameGroup}` +
      ` LEFT JOIN table_cell own_cell ON own_cell.report_id = page_report.own_id AND own_cell.table_code = peer_statistics.table_code AND own_cell.row_code = peer_statistics.row_code AND own_cell.column_code = peer_statistics.column_code`,
    [...reportIds],
  );
  const byReport = new Map<number, PeerCell[]>(reportIds.map((id) => [id, []]));
  for (const row of rows) {
    byReport.get(Number(row.own_id))?.push({
      address: `${row.table_code}/${row.row_code}/${row.column_code}`,
      reports: Number(row.reports),
      printed: Number(row.printed),
      median: row.median === null ? null : Number(row.median),
      own: row.own_status === null ? undefined : { value: row.own_value === null ? null : Number(row.own_value), status: row.own_status },
    });
  }
  const order = (stats: PeerCellStatistics) => PEER_WATCHED_CELLS.indexOf(stats.address);
  for (const list of byReport.values()) list.sort((a, b) => order(a) - order(b));
  return byReport;
}

/** The peer plausibility checks of each report asked, in one statement: what Report.checks adds to the stored checks. */
export async function peerChecksOf(db: EntityManager, reportIds: readonly number[]): Promise<Map<number, Check[]>> {
  const byReport = await peerStatistics(db, reportIds);
  return new Map(
    [...byReport].map(([reportId, cells]) => {
      const own = new Map(cells.map((cell) => [cell.address, cell.own]));
      return [reportId, peerChecks((address) => own.get(address), cells, PLAUSIBILITY_PEERS)];
    }),
  );
}

/**
 * SQL over `report` joined to `agency`: some watched cell of the report trips a
 * peer rule — the same thresholds, peer group and minimum as peerChecks. The
 * subquery is not correlated: every group's statistics are computed once per
 * statement, not once per report.
 */
export function peerWarningSql(postgres: boolean): { sql: string; parameters: Record<string, number> } {
  const sameGroup = TRAIT_COLUMNS.map((column, i) => `peer_statistics.g${i} = ${aliased(column, 'own_report', 'own_agency')}`);
  const sql =
    `report.id IN (SELECT own_report.id FROM report own_report INNER JOIN agency own_agency ON own_agency.id = own_report.agency_id` +
    ` INNER JOIN table_cell own_cell ON own_cell.report_id = own_report.id AND ${watched('own_cell')} AND own_cell.status IN ('ZERO', 'BLANK', 'NA')` +
    ` INNER JOIN (${groupStatisticsSql(postgres)}) peer_statistics ON ${[...sameGroup, 'peer_statistics.table_code = own_cell.table_code AND peer_statistics.row_code = own_cell.row_code AND peer_statistics.column_code = own_cell.column_code'].join(' AND ')}` +
    ` WHERE (own_cell.status = 'ZERO' AND peer_statistics.printed >= :peerMinimum AND peer_statistics.median > CAST(:peerMedianAbove AS DOUBLE PRECISION))` +
    ` OR (own_cell.status IN ('BLANK', 'NA') AND peer_statistics.reports >= :peerMinimum AND peer_statistics.printed >= CAST(:peerPrintedShare AS DOUBLE PRECISION) * peer_statistics.reports))`;
  return {
    sql,
    parameters: { peerMinimum: MIN_PEER_COUNT, peerMedianAbove: PLAUSIBILITY_THRESHOLDS.peerZero.medianAbove, peerPrintedShare: PLAUSIBILITY_THRESHOLDS.peerUnprinted.printedShareAtLeast },
  };
}
