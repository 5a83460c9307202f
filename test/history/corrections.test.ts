import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGatewaySchema } from '../../src/schema/build-schema';
import { MUTATION_ROLES } from '../../src/server/mutation-roles';
import { exportCells, type ExportRecord } from '../../src/services/cell-export.service';
import { SEEDS } from '../helpers/fixtures';
import { SAMPLE_SOURCES, startTestGateway, type TestGateway } from '../helpers/gateway';

const AGENCY = '经济技术开发区管理办公室';
const EDITOR = { authorization: 'Bearer editor-secret-1' };
const ADMIN = { authorization: 'Bearer admin-secret-1' };
const REASON = 'the form the office filed says 3 applications';

interface Errors {
  errors?: { message: string; extensions?: { code?: string } }[];
}

describe('corrections flow through every read; the diff lists what changed', () => {
  let gateway: TestGateway;
  let reportId: string;
  const errorOf = (body: Errors) => ({ code: body.errors?.[0]?.extensions?.code, message: body.errors?.[0]?.message });
  const sum2023 = async () => {
    const { body } = await gateway.graphql<{ aggregate: { values: { sum: number }[] }[] }>(`{ aggregate(filter: { years: [2023] }, groupBy: [YEAR], measures: ["t3/new/total"]) { values { sum } } }`);
    return body.data!.aggregate[0]!.values[0]!.sum;
  };
  const reportView = async () => {
    const { body } = await gateway.graphql<{ report: ReportView }>(
      `query($id: ID!) { report(id: $id) { version { id kind } versions { id } figures { applicationsReceived } checks(status: FAIL) { id expected actual }
        cell(address: "t3/new/total") { value status raw line corrected correctionReason valueBefore statusBefore } } }`,
      { id: reportId },
    );
    return body.data!.report;
  };
  const exported = async () => {
    const records: ExportRecord[] = [];
    for await (const record of exportCells(gateway.dataSource.manager, { agencies: [AGENCY] })) records.push(record);
    return records;
  };

  beforeAll(async () => {
    gateway = await startTestGateway(SAMPLE_SOURCES, { apiKeys: 'alice:editor:editor-secret-1,root:admin:admin-secret-1' });
    const { body } = await gateway.graphql<{ report: { id: string } }>(`{ report(agencyName: "${AGENCY}", year: 2023) { id } }`);
    reportId = body.data!.report.id;
  });
  afterAll(() => gateway.stop());

  it('a correction: the cell, figures, checks, aggregates, the HTTP extract and the export follow it at once', async () => {
    const before = await reportView();
    expect(before.cell).toEqual({ value: 2, status: 'NUMBER', raw: '2', line: expect.any(Number), corrected: false, correctionReason: null, valueBefore: null, statusBefore: null });
    expect(before.figures.applicationsReceived).toBe(2);
    expect(before.checks).toEqual([]);
    const sumBefore = await sum2023();

    const { body } = await gateway.graphql<{ correctCells: { version: { id: string; kind: string; changed: string[]; createdBy: string; reason: string; parentId: string } } }>(
      `mutation($id: ID!, $reason: String!) { correctCells(reportId: $id, reason: $reason, cells: [{ address: "t3/new/total", value: 3 }]) { version { id kind changed createdBy reason parentId } } }`,
      { id: reportId, reason: REASON },
      EDITOR,
    );
    const version = body.data!.correctCells.version;
    expect(version).toEqual({ id: expect.any(String), kind: 'CORRECTED', changed: ['t3/new/total'], createdBy: 'alice', reason: REASON, parentId: before.version.id });

    const after = await reportView();
    expect(after.version).toEqual({ id: version.id, kind: 'CORRECTED' });
    expect(after.cell).toEqual({ ...before.cell, value: 3, corrected: true, correctionReason: REASON, valueBefore: 2, statusBefore: 'NUMBER' });
    expect(after.figures.applicationsReceived).toBe(3);
    // The row's columns still add up to 2; 3 new + 0 carried over is not the 2 decided + 0 pending;
    // the text still says 2 applications, and 100% completed where the table now gives 2 of 3.
    expect(after.checks).toEqual([
      { id: 't3.rowTotal/new', expected: 2, actual: 3 },
      { id: 't3.balance/total', expected: 3, actual: 2 },
      { id: 'narrative/applicationsReceived', expected: 3, actual: 2 },
      { id: 'narrative/completionRate', expected: 2 / 3, actual: 1 },
    ]);
    expect(await sum2023()).toBe(sumBefore + 1);

    const csv = await (await fetch(`${gateway.url}/extract/all-cells.csv?filter=${encodeURIComponent(JSON.stringify({ agencyName: AGENCY }))}`)).text();
    const row = (parse(csv, { columns: true }) as Record<string, string>[]).find((r) => r['reports.cells.address'] === 't3/new/total')!;
    expect([row['reports.cells.value'], row['reports.cells.corrected'], row['reports.cells.correctionReason']]).toEqual(['3', 'true', REASON]);

    const records = await exported();
    expect(records.find((r) => r.address === 't3/new/total')).toMatchObject({ value: 3, corrected: true, correctionReason: REASON, valueBefore: 2, versionId: Number(version.id) });
    expect(records.filter((r) => r.corrected)).toHaveLength(1);

    const diff = await gateway.graphql<{ report: { diff: unknown[] } }>(`query($id: ID!, $from: ID!, $to: ID!) { report(id: $id) { diff(from: $from, to: $to) { address before { value status } after { value status corrected } } } }`, {
      id: reportId,
      from: before.version.id,
      to: version.id,
    });
    expect(diff.body.data!.report.diff).toEqual([{ address: 't3/new/total', before: { value: 2, status: 'NUMBER' }, after: { value: 3, status: 'NUMBER', corrected: true } }]);
  });

  it('corrections sent together to one report all land, each on the one before', async () => {
    const cells = ['t3/new/commercial', 't3/new/research', 't3/new/socialWelfare', 't3/new/legalServices', 't3/new/otherOrg'];
    const results = await Promise.all(
      cells.map((address) =>
        gateway.graphql(`mutation($id: ID!, $a: String!) { correctCells(reportId: $id, reason: "together", cells: [{ address: $a, value: 1 }]) { version { id } } }`, { id: reportId, a: address }, EDITOR),
      ),
    );
    expect(results.map((r) => r.body.errors)).toEqual(cells.map(() => undefined));
    const corrected = (await exported()).filter((r) => r.corrected).map((r) => r.address);
    expect(corrected).toEqual(expect.arrayContaining(cells));
    const undo = await gateway.graphql(
      `mutation($id: ID!) { correctCells(reportId: $id, reason: "undo", cells: [${cells.map((a) => `{ address: "${a}", value: 0 }`).join(', ')}]) { version { id } } }`,
      { id: reportId },
      EDITOR,
    );
    expect(undo.body.errors).toBeUndefined();
  });

  it('a wrong correction is refused, naming what is wrong, and stores nothing', async () => {
    const state = async () => [await reportView(), await exported()];
    const before = await state();
    const attempt = async (cells: unknown, reason = 'checked against the filed form', id = reportId) =>
      errorOf((await gateway.graphql(`mutation($id: ID!, $r: String!, $c: [CellCorrectionInput!]!) { correctCells(reportId: $id, reason: $r, cells: $c) { version { id } } }`, { id, r: reason, c: cells }, EDITOR)).body);
    const refusals = [
      await attempt([{ address: 't3/nothing/total', value: 1 }]),
      await attempt([{ address: 't3/new/total', value: -1 }]),
      await attempt([{ address: 't3/new/total', value: 2, status: 'ZERO' }]),
      await attempt([{ address: 't3/new/total', value: 5, status: 'NA' }]),
      await attempt([{ address: 't3/new/total' }]),
      await attempt([{ address: 't3/new/total', status: 'NUMBER' }]),
      await attempt([{ address: 't3/new/total', status: 'ZERO' }]),
      await attempt([{ address: 't3/new/total', value: 3 }]),
      await attempt([{ address: 't3/new/total', value: 2.5 }]),
      await attempt([{ address: 't3/new/naturalPerson', value: 4 }, { address: 't3/new/naturalPerson', value: 5 }]),
      await attempt([]),
      await attempt([{ address: 't3/new/total', value: 4 }], '  '),
      await attempt([{ address: 't3/new/total', value: 4 }], 'x', '99999'),
    ];
    expect(refusals).toEqual(
      [
        'correctCells(cells[0]): "t3/nothing/total" is not a cell of report ID; addresses look like t3/new/total',
        'correctCells(cells[0]): t3/new/total cannot hold -1: a cell holds a number from 0 to 9007199254740991',
        'correctCells(cells[0]): t3/new/total cannot hold 2 with status ZERO: 0 is ZERO, other numbers NUMBER',
        'correctCells(cells[0]): t3/new/total cannot hold a value with status NA',
        'correctCells(cells[0]): t3/new/total needs a value, or a status BLANK, NA or MISSING',
        'correctCells(cells[0]): t3/new/total needs a value with status NUMBER',
        'correctCells(cells[0]): t3/new/total needs a value with status ZERO',
        'correctCells(cells[0]): t3/new/total already holds 3',
        'correctCells(cells[0]): t3/new/total cannot hold 2.5: it counts, so it holds whole numbers',
        'correctCells(cells[1]): "t3/new/naturalPerson" is given twice',
        'correctCells(cells): give at least one cell to correct',
        'correctCells(reason): must not be empty; it is kept with the change',
        'correctCells(reportId): there is no report 99999',
      ].map((message) => ({ code: 'BAD_USER_INPUT', message: message.replace('report ID', `report ${reportId}`) })),
    );
    expect(await state()).toEqual(before);
  });

  it('every mutation of the schema has its role', async () => {
    const mutations = Object.keys((await buildGatewaySchema()).getMutationType()!.getFields()).sort();
    expect(Object.keys(MUTATION_ROLES).sort()).toEqual(mutations);
  });

  it('roles: an editor corrects but cannot ingest, delete, activate or roll back; no key is 401', async () => {
    const text = readFileSync(join(SEEDS, '000_cee05e4b3f1c7bfd.txt'), 'utf8');
    const ingest = (headers: Record<string, string>) => gateway.graphql(`mutation($t: String!) { ingestReport(input: { text: $t }) { outcome } }`, { t: text }, headers);
    const editorTries = [
      await ingest(EDITOR),
      await gateway.graphql(`mutation { deleteReport(id: "${reportId}") }`, {}, EDITOR),
      await gateway.graphql(`mutation { activateVersion(reportId: "${reportId}", versionId: "1", reason: "x") { id } }`, {}, EDITOR),
      await gateway.graphql(`mutation { rollbackBatch(id: "1") { id } }`, {}, EDITOR),
    ];
    expect(editorTries.map((r) => [r.status, errorOf(r.body as Errors)])).toEqual(
      ['ingestReport', 'deleteReport', 'activateVersion', 'rollbackBatch'].map((action) => [403, { code: 'FORBIDDEN', message: `${action} needs an admin key; the key "alice" is an editor key` }]),
    );
    // One mutation the key may not run refuses the whole operation before anything is stored.
    const before = await reportView();
    const mixed = await gateway.graphql(
      `mutation { a: correctCells(reportId: "${reportId}", reason: "mixed", cells: [{ address: "t3/new/total", value: 9 }]) { version { id } } ...drop } fragment drop on Mutation { deleteReport(id: "${reportId}") }`,
      {},
      EDITOR,
    );
    expect([mixed.status, errorOf(mixed.body as Errors)]).toEqual([403, { code: 'FORBIDDEN', message: 'deleteReport needs an admin key; the key "alice" is an editor key' }]);
    expect(await reportView()).toEqual(before);
    const anonymous = await gateway.graphql(`mutation { correctCells(reportId: "${reportId}", reason: "x", cells: [{ address: "t3/new/total", value: 9 }]) { version { id } } }`);
    expect([anonymous.status, errorOf(anonymous.body as Errors).code]).toEqual([401, 'UNAUTHENTICATED']);
    const admin = await ingest(ADMIN);
    expect(admin.body).toEqual({ data: { ingestReport: { outcome: 'UNCHANGED' } } });
  });
});

interface ReportView {
  version: { id: string; kind: string };
  versions: { id: string }[];
  figures: { applicationsReceived: number | null };
  checks: { id: string; expected: number | null; actual: number | null }[];
  cell: Record<string, unknown>;
}
