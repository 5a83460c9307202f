/**
 * A typed client for the gateway: the documents in queries/ compiled by
 * `npm run codegen` into TypedDocumentNodes, sent with fetch. Copy this file
 * and src/generated/graphql.ts into a frontend; results and variables are
 * typed from schema.graphql.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { ReportTablesDocument, type ReportTablesQuery } from '../src/generated/graphql';

export class GatewayError extends Error {
  constructor(readonly errors: { message: string; extensions?: { code?: string } }[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

export async function request<Result, Variables>(endpoint: string, document: TypedDocumentNode<Result, Variables>, variables: Variables): Promise<Result> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as { data?: Result; errors?: GatewayError['errors'] };
  if (body.errors?.length || !body.data) throw new GatewayError(body.errors ?? [{ message: `HTTP ${response.status}` }]);
  return body.data;
}

/** Every t3 cell of one report as `row/column = value`: the compiler knows each field's type. */
export async function t3Cells(endpoint: string, agencyName: string, year: number): Promise<string[]> {
  const data: ReportTablesQuery = await request(endpoint, ReportTablesDocument, { agencyName, year });
  const t3 = data.report?.tables.find((table) => table.code === 't3');
  return (t3?.rows ?? []).flatMap((row) => row.cells.map((cell) => `${row.code}/${cell.column} = ${cell.value ?? cell.status}`));
}

if (require.main === module) {
  const [endpoint = 'http://127.0.0.1:4000/graphql', agency = '经济技术开发区管理办公室', year = '2023'] = process.argv.slice(2);
  t3Cells(endpoint, agency, Number(year)).then((lines) => console.log(lines.join('\n')));
}
