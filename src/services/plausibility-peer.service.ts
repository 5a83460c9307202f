import type { EntityManager } from 'typeorm';
import type { PeerCellStatistics, PeerContext } from '../checks/plausibility-peer.checks';
import type { CellFact } from '../checks/report-facts';
import type { CellStatus } from '../ingest/parsed-report.types';
import { PEER_WATCHED_CELLS, PLAUSIBILITY_PEER_GROUP, PLAUSIBILITY_THRESHOLDS } from '../checks/plausibility-thresholds.data';
import { parseCellAddress } from '../template/tables.template';
import { describePeerGroup, MIN_PEER_COUNT, PEER_TRAITS, traitsOf, type PeerGroup } from './peer-group';
import { percentileSql } from './percentile-sql';

const GROUP: PeerGroup = PLAUSIBILITY_PEER_GROUP;
const TRAIT_COLUMNS = traitsOf(GROUP).map((trait) => PEER_TRAITS[trait].column);
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
 * The watched cells' statistics over the peer group of each report, in one
 * statement: the distinct groups of the reports asked for, each group's
 * count, printed count and median per watched cell, joined back to the reports
 * with what each holds in the cell itself (so the checks need no other read);
 * each report's in the order of PEER_WATCHED_CELLS.
 */
export async function peerStatistics(db: EntityManager, reportIds: readonly number[]): Promise<Map<number, PeerCell[]>> {
  const postgres = db.connection.options.type === 'postgres';
  const traits = TRAIT_COLUMNS.map((column, i) => ({ column, key: `g${i}` }));
  const keys = traits.map((t) => t.key);
  const sameGroup = (left: string, right: string) => ['1 = 1', ...keys.map((key) => `${left}.${key} = ${right}.${key}`)].join(' AND ');
  const ids = reportIds.map((_, i) => (postgres ? `$${i + 1}` : '?')).join(', ');
  const rows: StatisticsRow[] = await db.query(
    `WITH page_report AS (SELECT report.id AS own_id${traits.map((t) => `, ${t.column} AS ${t.key}`).join('')} FROM report INNER JOIN agency ON agency.id = report.agency_id WHERE report.id IN (${ids})),` +
      ` page_group AS (SELECT DISTINCT ${['1 AS one', ...keys].join(', ')} FROM page_report),` +
      ` peer_statistics AS (SELECT ${keys.map((key) => `page_group.${key}, `).join('')}cell.table_code, cell.row_code, cell.column_code, COUNT(*) AS reports,` +
      ` SUM(CASE WHEN cell.status IN (${PRINTED}) THEN 1 ELSE 0 END) AS printed,` +
      ` ${percentileSql(postgres, `CASE WHEN cell.status IN (${PRINTED}) THEN cell.value END`, '0.5')} AS median` +
      ` FROM page_group INNER JOIN report ON 1 = 1 INNER JOIN agency ON agency.id = report.agency_id INNER JOIN table_cell cell ON cell.report_id = report.id` +
      ` WHERE ${['1 = 1', ...traits.map((t) => `${t.column} = page_group.${t.key}`)].join(' AND ')} AND ${watched('cell')}` +
      ` GROUP BY ${keys.map((key) => `page_group.${key}, `).join('')}cell.table_code, cell.row_code, cell.column_code)` +
      ` SELECT page_report.own_id, peer_statistics.table_code, peer_statistics.row_code, peer_statistics.column_code, peer_statistics.reports, peer_statistics.printed, peer_statistics.median,` +
      ` own_cell.value AS own_value, own_cell.status AS own_status` +
      ` FROM page_report INNER JOIN peer_statistics ON ${sameGroup('peer_statistics', 'page_report')}` +
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

/**
 * SQL over `report` joined to `agency`: some watched cell of the report trips a
 * peer rule — the same thresholds, peer group and minimum as peerChecks.
 */
export function peerWarningExistsSql(postgres: boolean): { sql: string; parameters: Record<string, number> } {
  const peerJoin = `FROM table_cell peer_cell INNER JOIN report peer_report ON peer_report.id = peer_cell.report_id INNER JOIN agency peer_agency ON peer_agency.id = peer_report.agency_id`;
  const samePeer = [
    'peer_cell.table_code = own_cell.table_code AND peer_cell.row_code = own_cell.row_code AND peer_cell.column_code = own_cell.column_code',
    ...TRAIT_COLUMNS.map((column) => `${aliased(column, 'peer_report', 'peer_agency')} = ${column}`),
  ].join(' AND ');
  const median = `(SELECT CASE WHEN COUNT(*) >= :peerMinimum THEN ${percentileSql(postgres, 'peer_cell.value', '0.5')} END ${peerJoin} WHERE ${samePeer} AND peer_cell.status IN (${PRINTED}))`;
  const printedEnough =
    `(SELECT CASE WHEN COUNT(*) >= :peerMinimum AND SUM(CASE WHEN peer_cell.status IN (${PRINTED}) THEN 1 ELSE 0 END) >= CAST(:peerPrintedShare AS DOUBLE PRECISION) * COUNT(*) THEN 1 ELSE 0 END` +
    ` ${peerJoin} WHERE ${samePeer})`;
  const sql =
    `EXISTS (SELECT 1 FROM table_cell own_cell WHERE own_cell.report_id = report.id AND ${watched('own_cell')}` +
    ` AND ((own_cell.status = 'ZERO' AND ${median} > CAST(:peerMedianAbove AS DOUBLE PRECISION)) OR (own_cell.status IN ('BLANK', 'NA') AND ${printedEnough} = 1)))`;
  return {
    sql,
    parameters: { peerMinimum: MIN_PEER_COUNT, peerMedianAbove: PLAUSIBILITY_THRESHOLDS.peerZero.medianAbove, peerPrintedShare: PLAUSIBILITY_THRESHOLDS.peerUnprinted.printedShareAtLeast },
  };
}
