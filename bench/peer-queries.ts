import type { GraphqlBody } from './bench-support';

/** The view PostGraphile's grouped sum runs on, made in the bench database only: one row per report, its t3/new/total when read. */
export const PEER_VIEW_SQL = `CREATE VIEW report_t3_new_total AS
  SELECT r.id AS report_id, r.year, c.value
  FROM report r LEFT JOIN table_cell c ON c.report_id = r.id
    AND c.table_code = 't3' AND c.row_code = 'new' AND c.column_code = 'total' AND c.status IN ('NUMBER', 'ZERO')`;

/** One query as each server asks it, each answer normalised into the same plain structure, and the target it is held to. */
export interface PeerQuery {
  name: string;
  ours: string;
  peer: string;
  normaliseOurs(data: Data): unknown;
  normalisePeer(data: Data): unknown;
  /** Least ours ÷ peer req/s at 10 connections. */
  minRatio: number;
  /** Ours' p99 must also be at most the peer's. */
  p99AtMostPeer: boolean;
}

// Answers are walked loosely: a shape that does not fit throws, and the run stops.
type Data = Record<string, any>;

interface Cell {
  address: string;
  value: number | null;
  status: string;
}

const OUR_CELLS = 'address value status';
const PEER_CELLS = 'tableCode rowCode columnCode value status';
const peerCell = (c: Data): Cell => ({ address: `${c.tableCode}/${c.rowCode}/${c.columnCode}`, value: c.value, status: c.status });
const ourCell = (c: Data): Cell => ({ address: c.address, value: c.value, status: c.status });
const ourReport = (r: Data) => ({ id: Number(r.id), year: r.year, agency: r.agency.name, cells: r.cells.map(ourCell) });
const peerReport = (r: Data) => ({ id: Number(r.id), year: r.year, agency: r.agencyByAgencyId.name, cells: r.tableCellsByReportId.nodes.map(peerCell) });

const OUR_PAGE = (extra: string) => `{ reports(first: 100) { edges { node { id year agency { name } cells(table: "t3") { ${OUR_CELLS} } ${extra} } } } }`;
const PEER_PAGE = `{ allReports(first: 100, orderBy: ID_ASC) { nodes { id year agencyByAgencyId { name }
  tableCellsByReportId(condition: { tableCode: "t3" }, orderBy: ORDINAL_ASC) { nodes { ${PEER_CELLS} } } } } }`;
const page = (data: Data, ours: boolean) => (ours ? data.reports.edges.map((e: Data) => ourReport(e.node)) : data.allReports.nodes.map(peerReport));

export function peerQueries(reportId: number): PeerQuery[] {
  return [
    { name: 'page of 100 (a)', ours: OUR_PAGE(''), peer: PEER_PAGE, normaliseOurs: (d) => page(d, true), normalisePeer: (d) => page(d, false), minRatio: 1.2, p99AtMostPeer: true },
    {
      name: 'report by id (b)',
      ours: `{ report(id: "${reportId}") { id year agency { name } cells { ${OUR_CELLS} } } }`,
      peer: `{ reportById(id: ${reportId}) { id year agencyByAgencyId { name } tableCellsByReportId(orderBy: ORDINAL_ASC) { nodes { ${PEER_CELLS} } } } }`,
      normaliseOurs: (d) => ourReport(d.report),
      normalisePeer: (d) => peerReport(d.reportById),
      minRatio: 1,
      p99AtMostPeer: false,
    },
    {
      name: 'sum of t3/new/total by year (c)',
      ours: '{ aggregate(groupBy: [YEAR], measures: ["t3/new/total"]) { key { year } values { sum } } }',
      peer: '{ allReportT3NewTotals { groupedAggregates(groupBy: [YEAR]) { keys sum { value } } } }',
      normaliseOurs: (d) => byYear(d.aggregate.map((g: Data) => ({ year: g.key.year, sum: g.values[0].sum }))),
      normalisePeer: (d) => byYear(d.allReportT3NewTotals.groupedAggregates.map((g: Data) => ({ year: Number(g.keys[0]), sum: g.sum.value }))),
      minRatio: 1,
      p99AtMostPeer: false,
    },
    {
      name: 'page (a) + figures + checks, against the peer\'s plain page (a)',
      ours: OUR_PAGE('figures { completionRate disclosureRate } checks { id status }'),
      peer: PEER_PAGE,
      normaliseOurs: (d) => page(d, true),
      normalisePeer: (d) => page(d, false),
      minRatio: 0.9,
      p99AtMostPeer: false,
    },
  ];
}

function byYear(groups: { year: number; sum: number | null }[]) {
  return groups.map((g) => ({ year: g.year, sum: g.sum === null ? null : Number(g.sum) })).sort((a, b) => a.year - b.year);
}

/** Throws, with the first difference, unless both answers are free of errors and normalise to the same data. */
export function assertSameData(query: PeerQuery, ours: GraphqlBody, peer: GraphqlBody): void {
  for (const [who, body] of [['ours', ours], ['PostGraphile', peer]] as const) {
    if (body.errors?.length || !body.data) throw new Error(`${query.name}: ${who} answered with errors: ${JSON.stringify(body.errors ?? body).slice(0, 2000)}`);
  }
  const [a, b] = [JSON.stringify(query.normaliseOurs(ours.data!)), JSON.stringify(query.normalisePeer(peer.data!))];
  if (a === b) return;
  let at = 0;
  while (a[at] === b[at]) at += 1;
  throw new Error(`${query.name}: the servers disagree at character ${at}:\n  ours: …${a.slice(Math.max(0, at - 200), at + 200)}\n  peer: …${b.slice(Math.max(0, at - 200), at + 200)}`);
}
