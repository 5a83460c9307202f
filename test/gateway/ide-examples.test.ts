import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExampleQueries } from '../../src/server/example-queries';
import { startAsNpmStart } from '../helpers/npm-start';
import type { ServeProcess } from '../helpers/serve-process';

/** Lists that may be empty on good data: a report read without damage has no warnings. */
const MAY_BE_EMPTY = new Set(['warnings']);
/** Objects that may be null on good data: a failing check nobody has reviewed yet has no review. */
const MAY_BE_NULL = new Set(['review']);

type Fragments = Map<string, FragmentDefinitionNode>;

/** Where an answer is empty: a field with a selection that is null, or a list with no item (fragments walked where spread). */
function emptyPlaces(selection: SelectionSetNode, value: unknown, path: string, fragments: Fragments): string[] {
  return selection.selections.flatMap((node): string[] => {
    if (node.kind === Kind.FRAGMENT_SPREAD) return emptyPlaces(fragments.get(node.name.value)!.selectionSet, value, path, fragments);
    if (node.kind === Kind.INLINE_FRAGMENT) return emptyPlaces(node.selectionSet, value, path, fragments);
    if (!node.selectionSet) return [];
    const key = node.alias?.value ?? node.name.value;
    const child = (value as Record<string, unknown>)[key];
    const at = `${path}.${key}`;
    if (child === null || child === undefined) return MAY_BE_NULL.has(node.name.value) ? [] : [`${at} is null`];
    if (!Array.isArray(child)) return emptyPlaces(node.selectionSet, child, at, fragments);
    if (child.length === 0) return MAY_BE_EMPTY.has(node.name.value) ? [] : [`${at} is an empty list`];
    return child.flatMap((item, i) => emptyPlaces(node.selectionSet!, item, `${at}[${i}]`, fragments));
  });
}

describe('the IDE example documents, on what `npm start` loads', () => {
  let dir: string;
  let gateway: ServeProcess;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-ide-examples-'));
    gateway = await startAsNpmStart(join(dir, 'nianbao.sqlite'));
  });
  afterAll(async () => {
    await gateway?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('every example answers without errors, with no null object and no empty list', async () => {
    const examples = loadExampleQueries();
    expect(examples.map((e) => e.name)).toEqual(expect.arrayContaining(['report-tables', 'report-figures', 'failing-checks', 'year-over-year', 'aggregate-by-year', 'all-cells']));
    const answers = [];
    for (const example of examples) {
      const result = await gateway.graphql<Record<string, unknown>>(example.document);
      const { definitions } = parse(example.document);
      const operation = definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
      const fragments: Fragments = new Map(definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
      answers.push({ example: example.name, errors: result.errors, empty: emptyPlaces(operation.selectionSet, result.data ?? {}, 'data', fragments) });
    }
    expect(answers).toEqual(examples.map((e) => ({ example: e.name, errors: undefined, empty: [] })));
  });

  it('FailingChecks, YearOverYear and the rank give what a person read in the 洪泽区 PDFs', async () => {
    const document = (name: string) => loadExampleQueries().find((e) => e.name === name)!.document;
    type Failing = { reports: { edges: { node: { year: number; agency: { name: string }; checks: { id: string; expected: number; actual: number }[] } }[] } };
    const failing = await gateway.graphql<Failing>(document('failing-checks'));
    // test/fixtures/pdf/README.md: the 2023 report's t4 totals are false (review: parts 11, total printed 0);
    // the 2024 text says 受理…申请 17 件 while t3 says 95.
    const byYear = Object.fromEntries(failing.data!.reports.edges.map(({ node }) => [`${node.agency.name} ${node.year}`, node.checks.map((c) => `${c.id} ${c.expected}/${c.actual}`)]));
    expect(byYear['洪泽区人民政府 2023']).toContain('t4.rowTotal/review 11/0');
    expect(byYear['洪泽区人民政府 2024']).toEqual(['narrative/applicationsReceived 95/17']);

    type Change = { report: { previous: { year: number }; yearOverYear: { previous: number; current: number; absolute: number } } };
    const change = await gateway.graphql<Change>(document('year-over-year'));
    // t3/new/total: 21 in 2023, 95 in 2024 (test/fixtures/pdf/expected).
    expect(change.data!.report).toMatchObject({ previous: { year: 2023 }, yearOverYear: { previous: 21, current: 95, absolute: 74 } });

    type Ranked = { rank: { rank: number; key: { agency: { name: string } }; value: { denominator: number } }[] };
    const ranked = await gateway.graphql<Ranked>(document('aggregate-by-year'));
    // Only 洪泽区 has at least 20 results: 21 (2023) + 95 (2024) decided applications.
    expect(ranked.data!.rank.map((r) => [r.rank, r.key.agency.name, r.value.denominator])).toEqual([[1, '洪泽区人民政府', 116]]);
  });
});
