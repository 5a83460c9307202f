import type { GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { flattenRows } from '../../src/extract/flatten-rows';
import { ExtractError, prepareDocument, readVariables } from '../../src/extract/prepare-document';
import { buildGatewaySchema } from '../../src/schema/build-schema';

describe('flattening a result into rows', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildGatewaySchema();
  });

  const DOCUMENT = `query Nested {
    reports(first: 2) {
      totalCount
      edges { node { id agency { name } warnings { code } tables { code rows { code cells { column value } } } } }
    }
  }`;

  it('one row per item of the deepest list; parents repeated; connection wrappers left out of names; lists off the path as JSON', () => {
    const { plan } = prepareDocument(schema, DOCUMENT, 'nested.graphql');
    expect(plan.columns.map((c) => c.name)).toEqual([
      'reports.totalCount',
      'reports.id',
      'reports.agency.name',
      'reports.warnings',
      'reports.tables.code',
      'reports.tables.rows.code',
      'reports.tables.rows.cells.column',
      'reports.tables.rows.cells.value',
    ]);
    const data = {
      reports: {
        totalCount: 2,
        edges: [
          { node: { id: '1', agency: { name: '甲' }, warnings: [{ code: 'LOST_CELL' }], tables: [{ code: 't4', rows: [{ code: 'review', cells: [{ column: 'upheld', value: 1 }, { column: 'total', value: 1 }] }] }] } },
          { node: { id: '2', agency: null, warnings: [], tables: [] } },
        ],
      },
    };
    expect([...flattenRows(data, plan)]).toEqual([
      { 'reports.totalCount': 2, 'reports.id': '1', 'reports.agency.name': '甲', 'reports.warnings': '[{"code":"LOST_CELL"}]', 'reports.tables.code': 't4', 'reports.tables.rows.code': 'review', 'reports.tables.rows.cells.column': 'upheld', 'reports.tables.rows.cells.value': 1 },
      { 'reports.totalCount': 2, 'reports.id': '1', 'reports.agency.name': '甲', 'reports.warnings': '[{"code":"LOST_CELL"}]', 'reports.tables.code': 't4', 'reports.tables.rows.code': 'review', 'reports.tables.rows.cells.column': 'total', 'reports.tables.rows.cells.value': 1 },
      // An empty list keeps its parent's row, with the deeper columns empty.
      { 'reports.totalCount': 2, 'reports.id': '2', 'reports.agency.name': null, 'reports.warnings': '[]', 'reports.tables.code': null, 'reports.tables.rows.code': null, 'reports.tables.rows.cells.column': null, 'reports.tables.rows.cells.value': null },
    ]);
  });

  it('aliases name their columns; a document without lists is one row', () => {
    const { plan } = prepareDocument(schema, '{ r: report(id: "1") { y: year who: agency { name } } }', 'one.graphql');
    expect([...flattenRows({ r: { y: 2023, who: { name: '乙' } } }, plan)]).toEqual([{ 'r.y': 2023, 'r.who.name': '乙' }]);
  });

  it('errors name the file, the place and the reason', () => {
    expect(() => prepareDocument(schema, '{ reports { ', 'bad.graphql')).toThrow(new ExtractError('bad.graphql:1:13: Syntax Error: Expected Name, found <EOF>.'));
    expect(() => prepareDocument(schema, '{ reports { speed } }', 'x.graphql')).toThrow(/^x\.graphql:1:13: Cannot query field "speed" on type "ReportConnection"\.$/);
    expect(() => prepareDocument(schema, 'query A { reports { totalCount } } query B { agencies { totalCount } }', 'two.graphql')).toThrow('two.graphql: holds 2 operations (A, B); choose one with --operation');
    expect(() => prepareDocument(schema, 'query A { reports { totalCount } }', 'a.graphql', 'C')).toThrow('a.graphql: no operation named C (operations: A)');
    expect(() => prepareDocument(schema, 'mutation { deleteReport(id: "1") }', 'm.graphql')).toThrow('m.graphql: (anonymous) is a mutation; extracts run queries only');
    const prepared = prepareDocument(schema, 'query($year: Int!, $name: String) { reports(filter: { years: [$year], agencyName: $name }) { totalCount } }', 'v.graphql');
    expect(readVariables(prepared, { year: '2023', name: '123' }, 'v.graphql')).toEqual({ year: 2023, name: '123' });
    expect(() => readVariables(prepared, { yaer: '2023' }, 'v.graphql')).toThrow('v.graphql: variable "yaer" is not declared by the operation (declared: $year, $name)');
  });
});
