import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Report } from '../../src/entities/report.entity';
import { ingestReport } from '../../src/ingest/ingest-report';
import { TableCell } from '../../src/entities/table-cell.entity';
import { importAgencies } from '../../src/services/agency-import.service';
import { correctCells, type CellCorrection } from '../../src/services/cell-correction.service';
import { S001_2022 } from '../helpers/broken-variants';
import { loadCorpus, writeCorpus, type Corpus } from '../helpers/corpus';
import { startTestGateway, type GraphQLResult, type ReportSource, type TestGateway } from '../helpers/gateway';
import { peerVariant, previous2021Receiving, sameLevelCsv } from '../helpers/plausibility-variants';

interface CheckRow {
  id: string;
  status: string;
  expected: number | null;
  actual: number | null;
  message: string;
}
interface ReportRow {
  id: string;
  year: number;
  agency: { name: string };
  failingChecks: number;
  unreviewedFailures?: number;
  plausibilityWarnings: number;
  checks?: CheckRow[];
}

const PEERS = 'reports of the same year, the same level and the same template generation';
const LIST = `query($filter: ReportFilter, $after: String) { reports(first: 100, after: $after, filter: $filter, orderBy: ID) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id year agency { name } failingChecks plausibilityWarnings } } } }`;

async function listAll(gateway: TestGateway, filter?: Record<string, unknown>): Promise<ReportRow[]> {
  const rows: ReportRow[] = [];
  for (let after: string | null = null; ; ) {
    const { body }: GraphQLResult<{ reports: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: ReportRow }[] } }> = await gateway.graphql(LIST, { filter, after });
    expect(body.errors).toBeUndefined();
    rows.push(...body.data!.reports.edges.map((e) => e.node));
    if (!body.data!.reports.pageInfo.hasNextPage) return rows;
    after = body.data!.reports.pageInfo.endCursor;
  }
}

// Group P (DEPARTMENT): P1 prints 行政处罚 0 and 行政许可 "—" where the other five print 500 and 124.
// Group Q (COUNTY): Q1 prints 行政处罚 0 where the other four print 100 (the median is exactly 100); Q2 prints 行政许可 "—" where the other four print 124 (exactly 4 of 5).
// Group R (TOWNSHIP): four reports, too few peers to judge R1's zero.
// J (no level, no peers): 16 applications in 2021, 3 in 2022.
const P = ['甲组机关1', '甲组机关2', '甲组机关3', '甲组机关4', '甲组机关5', '甲组机关6'];
const Q = ['乙组机关1', '乙组机关2', '乙组机关3', '乙组机关4', '乙组机关5'];
const R = ['丙组机关1', '丙组机关2', '丙组机关3', '丙组机关4'];
const J = '跳变测试机关';

describe('plausibility warnings over HTTP: peer rules on read, counted apart from failingChecks, filtered alike', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    const sources: ReportSource[] = [
      ...P.map((agencyName, i) => ({ text: i === 0 ? peerVariant('0', '—') : peerVariant('500'), agencyName })),
      ...Q.map((agencyName, i) => ({ text: i === 0 ? peerVariant('0') : i === 1 ? peerVariant('100', '—') : peerVariant('100'), agencyName })),
      ...R.map((agencyName, i) => ({ text: i === 0 ? peerVariant('0') : peerVariant('500'), agencyName })),
      { text: previous2021Receiving(16), agencyName: J },
      { text: S001_2022, agencyName: J },
    ];
    gateway = await startTestGateway(sources, {
      apiKeys: 'rev:editor:editor-secret-3',
      prepare: async (dataSource) => {
        await importAgencies(dataSource, sameLevelCsv(P, 'DEPARTMENT'), 'p.csv');
        await importAgencies(dataSource, sameLevelCsv(Q, 'COUNTY'), 'q.csv');
        await importAgencies(dataSource, sameLevelCsv(R, 'TOWNSHIP'), 'r.csv');
      },
    });
  });
  afterAll(() => gateway.stop());

  async function reportOf(name: string, year = 2022): Promise<ReportRow & { checks: CheckRow[] }> {
    const { body } = await gateway.graphql<{ report: ReportRow & { checks: CheckRow[] } }>(
      'query($name: String!, $year: Int!) { report(agencyName: $name, year: $year) { id year agency { name } failingChecks unreviewedFailures plausibilityWarnings checks { id status expected actual message } } }',
      { name, year },
    );
    expect(body.errors).toBeUndefined();
    return body.data!.report;
  }
  const warningsOf = (checks: CheckRow[]) => checks.filter((c) => c.id.startsWith('plausibility.') && c.status !== 'PASS').map((c) => [c.id, c.status, c.expected, c.actual, c.message]);

  it('P1: a zero where the median of 6 peers is 500, an NA where 5 of 6 print a number; failingChecks stays 0', async () => {
    const p1 = await reportOf(P[0]!);
    expect(warningsOf(p1.checks)).toEqual([
      ['plausibility.peerUnprinted/t2/licensing/decisions', 'FAIL', 5 / 6, null, `t2/licensing/decisions is NA while 5 of 6 ${PEERS} print a number (83%) (rule: at least 80% print one)`],
      ['plausibility.peerZero/t2/penalty/decisions', 'FAIL', 500, 0, `t2/penalty/decisions is 0 while the median of 6 ${PEERS} is 500 (rule: median > 100)`],
    ]);
    expect([p1.failingChecks, p1.plausibilityWarnings]).toEqual([0, 2]);
    // The three t4 totals are 0 in every peer: median 0, no warning.
    expect(p1.checks.filter((c) => c.id.startsWith('plausibility.peerZero/t4/')).map((c) => [c.id, c.status, c.expected])).toEqual([
      ['plausibility.peerZero/t4/review/total', 'PASS', 0],
      ['plausibility.peerZero/t4/litigationDirect/total', 'PASS', 0],
      ['plausibility.peerZero/t4/litigationAfterReview/total', 'PASS', 0],
    ]);
    const p2 = await reportOf(P[1]!);
    expect([p2.failingChecks, p2.plausibilityWarnings, warningsOf(p2.checks)]).toEqual([0, 0, []]);
  });

  it('Q1: a median of exactly 100 does not trip; Q2: exactly 4 of 5 printing does', async () => {
    const q1 = await reportOf(Q[0]!);
    expect(q1.checks.find((c) => c.id === 'plausibility.peerZero/t2/penalty/decisions')).toMatchObject({ status: 'PASS', expected: 100, message: `t2/penalty/decisions is 0 and the median of 5 ${PEERS} is 100 (rule: median > 100)` });
    expect([warningsOf(q1.checks), q1.plausibilityWarnings]).toEqual([[], 0]);
    const q2 = await reportOf(Q[1]!);
    expect(warningsOf(q2.checks)).toEqual([
      ['plausibility.peerUnprinted/t2/licensing/decisions', 'FAIL', 0.8, null, `t2/licensing/decisions is NA while 4 of 5 ${PEERS} print a number (80%) (rule: at least 80% print one)`],
    ]);
    expect(q2.plausibilityWarnings).toBe(1);
  });

  it('a reviewer reviews P1’s peer warning: the review is on the check, and the warning still counts', async () => {
    const p1 = await reportOf(P[0]!);
    const checkId = 'plausibility.peerZero/t2/penalty/decisions';
    const { body } = await gateway.graphql<{ reviewCheck: { checkId: string; expected: number; actual: number } }>(
      'mutation($id: ID!, $c: String!) { reviewCheck(reportId: $id, checkId: $c, verdict: EXPLAINED, note: "no penalty decided this year") { checkId expected actual } }',
      { id: p1.id, c: checkId },
      { authorization: 'Bearer editor-secret-3' },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.reviewCheck).toEqual({ checkId, expected: 500, actual: 0 });
    const { body: after } = await gateway.graphql<{ report: { plausibilityWarnings: number; checks: { id: string; review: { note: string } | null }[] } }>(
      'query($name: String!) { report(agencyName: $name, year: 2022) { plausibilityWarnings checks(status: FAIL) { id review { note } } } }',
      { name: P[0] },
    );
    expect(after.data!.report.checks.find((c) => c.id === checkId)!.review).toEqual({ note: 'no penalty decided this year' });
    expect(after.data!.report.plausibilityWarnings).toBe(2);
  });

  it('R1: four reports are too few peers: no peer check at all', async () => {
    const r1 = await reportOf(R[0]!);
    expect(r1.checks.filter((c) => c.id.startsWith('plausibility.peer'))).toEqual([]);
    expect(r1.plausibilityWarnings).toBe(0);
  });

  it('J 2022: a jump from 16 to 3 applications is a warning, kept on the report; failingChecks stays 0', async () => {
    const j = await reportOf(J);
    expect(warningsOf(j.checks)).toEqual([
      ['plausibility.jump/t3/new/total', 'FAIL', 16, 3, 't3/new/total went from 16 (2021) to 3 (2022), 3 ÷ 16 = 0.188× (rule: current ÷ previous > 5 or < 0.2 when previous ≥ 10)'],
    ]);
    expect([j.failingChecks, j.unreviewedFailures, j.plausibilityWarnings]).toEqual([0, 0, 1]);
    const stored = (await gateway.dataSource.query('SELECT warning_checks FROM report WHERE id = $1'.replace('$1', kindParameter(gateway)), [Number(j.id)])) as { warning_checks: number }[];
    expect(Number(stored[0]!.warning_checks)).toBe(1);
  });

  it('hasWarnings lists P1, Q2 and J 2022, and false lists every other report', async () => {
    const names = (rows: ReportRow[]) => rows.map((r) => `${r.agency.name} ${r.year}`).sort();
    const [all, warned, quiet] = await Promise.all([listAll(gateway), listAll(gateway, { hasWarnings: true }), listAll(gateway, { hasWarnings: false })]);
    expect(names(warned)).toEqual([`${P[0]} 2022`, `${Q[1]} 2022`, `${J} 2022`].sort());
    expect(names(quiet)).toEqual(names(all.filter((r) => r.plausibilityWarnings === 0)));
    expect(names(warned)).toEqual(names(all.filter((r) => r.plausibilityWarnings > 0)));
    // Warnings are not failures: hasFailingChecks lists only J 2021, whose 16 received applications break its own balance and narrative.
    expect(names(await listAll(gateway, { hasFailingChecks: true }))).toEqual([`${J} 2021`]);
    // Aggregates take the same filter: P1, Q2 and J 2022 received 3 applications each.
    const { body } = await gateway.graphql<{ aggregate: { count: number; values: { sum: number }[] }[] }>(
      '{ aggregate(filter: { hasWarnings: true }, measures: ["t3/new/total"]) { count values { sum } } }',
    );
    expect(body.data).toEqual({ aggregate: [{ count: 3, values: [{ sum: 9 }] }] });
  });

  it('R1 again once a fifth report joins its group: the peer checks are not kept with the cached analysis', async () => {
    expect((await reportOf(R[0]!)).plausibilityWarnings).toBe(0);
    await ingestReport(gateway.dataSource, { bytes: Buffer.from(peerVariant('500')), agencyName: '丙组机关5' });
    await importAgencies(gateway.dataSource, sameLevelCsv(['丙组机关5'], 'TOWNSHIP'), 'r5.csv');
    const r1 = await reportOf(R[0]!);
    expect(warningsOf(r1.checks)).toEqual([
      ['plausibility.peerZero/t2/penalty/decisions', 'FAIL', 500, 0, `t2/penalty/decisions is 0 while the median of 5 ${PEERS} is 500 (rule: median > 100)`],
    ]);
    expect(r1.plausibilityWarnings).toBe(1);
  });
});

function kindParameter(gateway: TestGateway): string {
  return gateway.dataSource.options.type === 'postgres' ? '$1' : '?';
}

describe('hasWarnings agrees with Report.plausibilityWarnings over a generated corpus', () => {
  let gateway: TestGateway;
  let corpus: Corpus;
  beforeAll(async () => {
    corpus = await writeCorpus({ agencies: 30, seed: 20261206 });
    // A generated report prints every cell and few zeros where peers print many: corrections make some blank, zero or ten times bigger.
    gateway = await startTestGateway(
      P.map((agencyName, i) => ({ text: i === 0 ? peerVariant('0', '—') : peerVariant('500'), agencyName })),
      {
        prepare: async (dataSource) => {
          await loadCorpus(dataSource, corpus);
          await importAgencies(dataSource, sameLevelCsv(P, 'CITY'), 'p.csv');
          const reports = await dataSource.getRepository(Report).find({ order: { id: 'ASC' } });
          for (const [i, report] of reports.entries()) {
            const cells: CellCorrection[] = [];
            if (i % 5 === 0) cells.push({ address: 't3/new/total', value: null, status: 'BLANK' });
            if (i % 7 === 1) cells.push({ address: 't3/resultsTotal/total', value: 0 });
            if (i % 9 === 2) cells.push({ address: 't4/review/total', value: 120 });
            if (i % 11 === 3) cells.push({ address: 't3/granted/total', value: 100000 });
            const held = await dataSource.getRepository(TableCell).find({ where: { reportId: report.id } });
            const differs = (c: CellCorrection) => !held.some((h) => `${h.table}/${h.row}/${h.column}` === c.address && h.value === c.value);
            if (cells.filter(differs).length > 0) await correctCells(dataSource, { reportId: report.id, reason: 'plausibility test', cells: cells.filter(differs), actor: 'test' });
          }
        },
      },
    );
  });
  afterAll(async () => {
    await gateway.stop();
    corpus.cleanup();
  });

  it('the reports the filter lists are exactly those with a warning, and there are some of each kind', async () => {
    const all = await listAll(gateway);
    const [warned, quiet] = await Promise.all([listAll(gateway, { hasWarnings: true }), listAll(gateway, { hasWarnings: false })]);
    const ids = (rows: ReportRow[]) => rows.map((r) => r.id).sort();
    expect(ids(warned)).toEqual(ids(all.filter((r) => r.plausibilityWarnings > 0)));
    expect(ids(quiet)).toEqual(ids(all.filter((r) => r.plausibilityWarnings === 0)));
    expect(warned.length).toBeGreaterThan(0);
    expect(quiet.length).toBeGreaterThan(0);
    const { body } = await gateway.graphql<{ reports: { edges: { node: { checks: CheckRow[] } }[] } }>(
      '{ reports(first: 100, filter: { hasWarnings: true }) { edges { node { checks(status: FAIL) { id status expected actual message } } } } }',
    );
    const families = new Set(body.data!.reports.edges.flatMap((e) => e.node.checks.filter((c) => c.id.startsWith('plausibility.')).map((c) => c.id.split('/')[0])));
    console.log(`corpus: ${all.length} reports, ${warned.length} with warnings, families ${[...families].join(', ')}`);
    expect([...families].sort()).toEqual(['plausibility.jump', 'plausibility.peerUnprinted', 'plausibility.peerZero', 'plausibility.rate']);
  });
});

describe('a jump is recounted when the previous year arrives or is corrected', () => {
  const K = '后到上年机关';
  let gateway: TestGateway;
  // The 2022 report first, then its 2021: the 2022 jump can only be counted when 2021 arrives.
  beforeAll(async () => {
    gateway = await startTestGateway([{ text: S001_2022, agencyName: K }]);
  });
  afterAll(() => gateway.stop());

  const state = async () => {
    const { body } = await gateway.graphql<{ report: { id: string; failingChecks: number; unreviewedFailures: number; plausibilityWarnings: number }; warned: { totalCount: number } }>(
      `{ report(agencyName: "${K}", year: 2022) { id failingChecks unreviewedFailures plausibilityWarnings } warned: reports(filter: { hasWarnings: true, years: [2022] }) { totalCount } }`,
    );
    expect(body.errors).toBeUndefined();
    const stored = (await gateway.dataSource.query(`SELECT warning_checks FROM report WHERE id = ${Number(body.data!.report.id)}`)) as { warning_checks: number }[];
    return { ...body.data!.report, id: undefined, warned: body.data!.warned.totalCount, stored: Number(stored[0]!.warning_checks) };
  };

  it('no 2021, no jump; 2021 with 16 received: one warning; 2021 corrected to 15 (exactly 0.2): none', async () => {
    expect(await state()).toEqual({ id: undefined, failingChecks: 0, unreviewedFailures: 0, plausibilityWarnings: 0, warned: 0, stored: 0 });
    const previous = await ingestReport(gateway.dataSource, { bytes: Buffer.from(previous2021Receiving(16)), agencyName: K });
    expect(await state()).toEqual({ id: undefined, failingChecks: 0, unreviewedFailures: 0, plausibilityWarnings: 1, warned: 1, stored: 1 });
    await correctCells(gateway.dataSource, {
      reportId: previous.reportId,
      reason: 'test',
      cells: [
        { address: 't3/new/total', value: 15 },
        { address: 't3/new/naturalPerson', value: 15 },
      ],
      actor: 'test',
    });
    expect(await state()).toEqual({ id: undefined, failingChecks: 0, unreviewedFailures: 0, plausibilityWarnings: 0, warned: 0, stored: 0 });
  });
});
