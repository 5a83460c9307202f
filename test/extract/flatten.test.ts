import type { GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { flattenRows } from '../../src/extract/flatten-rows';
import { pagingOf } from '../../src/extract/paging';
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
      pageInfo { hasNextPage endCursor }
      edges { node { id agency { name } warnings { code } checks(status: FAIL) { id cells } tables { code rows { code cells { column value } } } } }
    }
  }`;

  it('a row per item of each innermost list of objects; parents repeated; lists beside each other in rows of their own; scalar lists one field; no pageInfo', () => {
    const { plan } = prepareDocument(schema, DOCUMENT, 'nested.graphql');
    expect(plan.columns.map((c) => c.name)).toEqual([
      'reports.totalCount',
      'reports.id',
      'reports.agency.name',
      'reports.warnings.code',
      'reports.checks.id',
      'reports.checks.cells',
      'reports.tables.code',
      'reports.tables.rows.code',
      'reports.tables.rows.cells.column',
      'reports.tables.rows.cells.value',
    ]);
    const data = {
      reports: {
        totalCount: 2,
        pageInfo: { hasNextPage: true, endCursor: 'abc' },
        edges: [
          {
            node: {
              id: '1',
              agency: { name: '甲' },
              warnings: [{ code: 'LOST_CELL' }],
              checks: [{ id: 't4.rowTotal/review', cells: ['t4/review/total', 't4/review/upheld'] }],
              tables: [{ code: 't4', rows: [{ code: 'review', cells: [{ column: 'upheld', value: 1 }, { column: 'total', value: 1 }] }] }],
            },
          },
          { node: { id: '2', agency: null, warnings: [], checks: [], tables: [] } },
        ],
      },
    };
    const empty = Object.fromEntries(plan.columns.map((c) => [c.name, null]));
    const report1 = { ...empty, 'reports.totalCount': 2, 'reports.id': '1', 'reports.agency.name': '甲' };
    expect([...flattenRows(data, plan)]).toEqual([
      { ...report1, 'reports.warnings.code': 'LOST_CELL' },
      // A list of scalars stays one field (CSV joins it).
      { ...report1, 'reports.checks.id': 't4.rowTotal/review', 'reports.checks.cells': ['t4/review/total', 't4/review/upheld'] },
      { ...report1, 'reports.tables.code': 't4', 'reports.tables.rows.code': 'review', 'reports.tables.rows.cells.column': 'upheld', 'reports.tables.rows.cells.value': 1 },
      { ...report1, 'reports.tables.code': 't4', 'reports.tables.rows.code': 'review', 'reports.tables.rows.cells.column': 'total', 'reports.tables.rows.cells.value': 1 },
      // Empty lists keep their parent's row, with the deeper columns empty.
      { ...empty, 'reports.totalCount': 2, 'reports.id': '2' },
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

  it('paging: the connection that takes $after, its pageInfo and its one list; refusals say what is missing', () => {
    const paging = (text: string) => pagingOf(prepareDocument(schema, text, 'p.graphql'));
    const PAGE = 'pageInfo { hasNextPage endCursor }';
    expect(paging(`query($after: String) { all: reports(first: 2, after: $after) { ${PAGE} edges { node { id } } } }`)).toEqual({ connection: ['all'], items: ['all', 'edges'], pageInfo: ['all', 'pageInfo'] });
    expect(() => paging(`query($after: String) { reports(filter: { agencyName: $after }) { ${PAGE} edges { node { id } } } }`)).toThrow('--all-pages needs the operation to take $after: String and pass it to the connection');
    expect(() => paging(`query($after: String) { reports(after: $after) { pageInfo { hasNextPage } edges { node { id } } } }`)).toThrow('--all-pages needs the connection to select pageInfo { hasNextPage endCursor }');
    expect(() => paging(`query($after: String) { reports(after: $after) { ${PAGE} edges { node { id } } } agencies(after: $after) { ${PAGE} } }`)).toThrow('--all-pages: $after goes to 2 fields (reports, agencies); pass it to one connection');
    expect(() => paging(`query($after: String) { reports(after: $after) { ${PAGE} edges { node { id } } } rank(measure: "disclosureRate") { rank } }`)).toThrow(
      '--all-pages: the list rank lies outside the connection reports; its rows would repeat on every page',
    );
    expect(() => paging(`query($after: String) { reports(after: $after) { ${PAGE} totalCount } }`)).toThrow('--all-pages needs the connection reports to select one list of items (edges), not 0');
  });
});
