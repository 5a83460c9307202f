import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { isEnumType, isObjectType, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHECK_FAMILIES } from '../../src/checks/check-families';
import { familyOf } from '../../src/checks/check.types';
import { runChecks } from '../../src/checks/run-checks';
import { FIGURE_NAMES, linearFigures } from '../../src/figures/figure-definitions';
import { computeFigure, figureInputOf } from '../../src/figures/compute-figures';
import { figureFormula } from '../../src/figures/figure-formulas';
import type { CellLookup } from '../../src/checks/report-facts';
import { buildGatewaySchema } from '../../src/schema/build-schema';
import { tablesOf, templateCells } from '../../src/template/tables.template';
import { renderTemplateReference } from '../../src/template/template-reference';
import { peerChecks } from '../../src/checks/plausibility-peer.checks';
import { METRICS } from '../../src/figures/metric-dictionary';
import { renderMetricReference } from '../../src/figures/metric-reference';
import { PLAUSIBILITY_PEERS } from '../../src/services/plausibility-peer.service';
import { BROKEN_VARIANTS, S001_2022 } from '../helpers/broken-variants';
import { previous2021Receiving } from '../helpers/plausibility-variants';
import { factsOf } from '../helpers/facts';
import { FIXTURES, SAMPLE_FILES, sampleText } from '../helpers/fixtures';
import { readRepositoryFile, repositoryFiles, ROOT } from '../helpers/repository-files';

const files = repositoryFiles();
const docs = files.filter((file) => file.startsWith('docs/') && file.endsWith('.md'));
const doc = (name: string) => readRepositoryFile(`docs/${name}`);
const sources = (prefix: string) => files.filter((file) => file.startsWith(prefix) && file.endsWith('.ts'));
const backticked = (text: string) => new Set([...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!));

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
const anchorOf = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');

describe('the documentation stands on its own', () => {
  it('no file of the repository cites a specification that is not in it', () => {
    const cited = ['SPEC' + '.md', 'SPEC' + ' §', 'SPEC' + '§'];
    const textFiles = files.filter((file) => !/\.(pdf|sqlite|png|jpg|ico|gz)$/.test(file));
    const citing = textFiles.filter((file) => {
      const text = readRepositoryFile(file);
      return cited.some((citation) => text.includes(citation));
    });
    expect(citing).toEqual([]);
  });

  it('every link of README.md and docs/ leads to a file, and every #anchor to a heading of it', () => {
    const broken: string[] = [];
    for (const file of ['README.md', ...docs]) {
      for (const [, target] of readRepositoryFile(file).matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target!)) continue;
        const [path, anchor] = target!.split('#') as [string, string | undefined];
        const linked = path === '' ? file : normalize(join(dirname(file), path));
        if (!existsSync(join(ROOT, linked))) {
          broken.push(`${file}: ${target} (no such file)`);
          continue;
        }
        if (anchor === undefined) continue;
        const headings = [...readRepositoryFile(linked).matchAll(/^#+ (.+)$/gm)].map((m) => anchorOf(m[1]!));
        if (!headings.includes(anchor)) broken.push(`${file}: ${target} (no such heading)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('report-format.md names every table, row and column code of both generations', () => {
    const named = backticked(doc('report-format.md'));
    const codes = (['G3', 'G2'] as const).flatMap((generation) =>
      tablesOf(generation).flatMap((table) => [table.code, ...table.rows.map((row) => row.code), ...table.columns.map((column) => column.code)]),
    );
    expect(codes.length).toBeGreaterThan(60);
    expect([...new Set(codes)].filter((code) => !named.has(code))).toEqual([]);
  });

  it('template-codes.md is what the template data renders (npm run docs), and lists every code', () => {
    expect(doc('template-codes.md'), 'docs/template-codes.md is stale: run `npm run docs` and commit it').toBe(renderTemplateReference());
    const named = backticked(doc('template-codes.md'));
    const codes = (['G3', 'G2'] as const).flatMap((generation) => templateCells(generation).flatMap((cell) => [cell.table, cell.row, cell.column]));
    expect([...new Set(codes)].filter((code) => !named.has(code))).toEqual([]);
  });

  it('metrics.md is what the metric dictionary renders (npm run docs), and names every measure with its formula', () => {
    expect(doc('metrics.md'), 'docs/metrics.md is stale: run `npm run docs` and commit it').toBe(renderMetricReference());
    const named = backticked(doc('metrics.md'));
    expect(METRICS.map((metric) => metric.key).filter((key) => !named.has(key))).toEqual([]);
    expect(doc('metrics.md')).toContain('- formula: t3/resultsTotal/total ÷ (t3/new/total + t3/carriedOver/total)');
    expect(doc('metrics.md')).toContain('| `t2/fees/amount` | 行政事业性收费：本年收费金额（单位：万元） | 万元 | G3 |');
  });

  it('report-format.md and ParseWarning.code list every parse warning code; api.md every error code and setting the code gives', async () => {
    const warningCodes = new Set(sources('src/ingest/').flatMap((file) => [...readRepositoryFile(file).matchAll(/code: '([A-Z][A-Z_]+)'/g)].map((m) => m[1]!)));
    const program = sources('src/').filter((file) => !file.startsWith('src/ingest/') && !file.startsWith('src/generated/'));
    const errorCodes = new Set(program.flatMap((file) => [...readRepositoryFile(file).matchAll(/(?:code: |errorBody\()'([A-Z][A-Z_]+)'/g)].map((m) => m[1]!)));
    const limitCodes = [...readRepositoryFile('src/server/limit-errors.ts').matchAll(/: '([A-Z_]+)'/g)].map((m) => m[1]!);
    const settings = new Set(program.flatMap((file) => [...readRepositoryFile(file).matchAll(/\b(NIANBAO_[A-Z_]+|DATABASE_URL|DATABASE_REPLICA_URLS)\b/g)].map((m) => m[1]!)));
    expect(warningCodes.size).toBeGreaterThanOrEqual(10);
    expect(limitCodes).toHaveLength(8);
    expect(settings.size).toBeGreaterThanOrEqual(20);

    const warningsDoc = backticked(doc('report-format.md'));
    expect([...warningCodes].filter((code) => !warningsDoc.has(code))).toEqual([]);
    const parseWarning = (await buildGatewaySchema()).getType('ParseWarning');
    if (!isObjectType(parseWarning)) throw new Error('ParseWarning missing from the schema');
    expect([...warningCodes].filter((code) => !parseWarning.getFields().code!.description!.includes(`${code}: `))).toEqual([]);
    const apiDoc = doc('api.md');
    const errorTable = new Set([...apiDoc.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]!));
    expect(errorCodes.size).toBeGreaterThanOrEqual(6);
    expect([...errorCodes, ...limitCodes].filter((code) => !errorTable.has(code))).toEqual([]);
    expect([...settings].filter((setting) => !apiDoc.includes(`\`${setting}\``))).toEqual([]);
  });
});

describe('figures: each formula is written once, in the figure definitions', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildGatewaySchema();
  });

  const addressesOf = (name: string) =>
    new Set((['TOTAL', 'DECIDED'] as const).flatMap((basis) => (['G3', 'G2'] as const).flatMap((generation) => linearFigures(basis, generation))).filter((f) => f.name === name).flatMap((f) => [...f.numerator, ...(f.denominator ?? [])].map((t) => t.address)));

  it.each(FIGURE_NAMES)('%s: its schema field and enum value state its formula, which names every cell it reads', (name) => {
    const formula = figureFormula(name);
    for (const address of addressesOf(name)) expect(formula).toContain(address);
    const figures = schema.getType('Figures');
    const figureName = schema.getType('FigureName');
    if (!isObjectType(figures) || !isEnumType(figureName)) throw new Error('Figures or FigureName missing from the schema');
    expect(figures.getFields()[name]?.description).toContain(formula);
    expect(figureName.getValues().find((value) => value.value === name)?.description).toContain(formula);
  });

  it.each(FIGURE_NAMES.filter((name) => name !== 'reportCompleteness'))('%s: its formula names every cell it is computed from, on a 2021 (G3) and a 2019-layout (G2) report', (name) => {
    const reports = [sampleText(SAMPLE_FILES[0]!), readFileSync(join(FIXTURES, 'g2', '2020-g2-finance.txt'), 'utf8')].map((text) => factsOf(text));
    expect(reports.map((facts) => facts.generation)).toEqual(['G3', 'G2']);
    const read = new Set<string>();
    for (const facts of reports) {
      const cell: CellLookup = (address) => (read.add(address), facts.cell(address));
      for (const basis of ['TOTAL', 'DECIDED'] as const) computeFigure(name, figureInputOf({ ...facts, cell }), basis);
    }
    expect(read.size).toBeGreaterThan(0);
    expect([...read].filter((address) => !figureFormula(name).includes(address))).toEqual([]);
  });

  it.each(FIGURE_NAMES)('%s: figures.md lists it with exactly the cells its formula reads', (name) => {
    const row = doc('figures.md')
      .split('\n')
      .find((line) => line.startsWith(`| \`${name}\` |`));
    expect(row, `figures.md has no table row for ${name}`).toBeDefined();
    const inRow = [...backticked(row!)].filter((code) => code.includes('/'));
    expect(new Set(inRow)).toEqual(addressesOf(name));
  });
});

describe('checks: every family is defined once and documented', () => {
  const produced = [
    ...BROKEN_VARIANTS.flatMap((variant) => runChecks(factsOf(variant.text, variant.previous), true)),
    ...SAMPLE_FILES.flatMap((file) => runChecks(factsOf(sampleText(file)), true)),
    ...runChecks(factsOf(S001_2022, previous2021Receiving(16)), true),
    // The peer rules run on read, over the peer group's statistics: a zero and an NA cell against given statistics.
    ...peerChecks(
      (address) => (address === 't3/new/total' ? { value: 0, status: 'ZERO' } : { value: null, status: 'NA' }),
      [
        { address: 't3/new/total', reports: 9, printed: 9, median: 400 },
        { address: 't2/penalty/decisions', reports: 9, printed: 9, median: 400 },
      ],
      PLAUSIBILITY_PEERS,
    ),
  ];

  it('every check the code produces is of a listed family, with that family\'s severity, and every listed family is produced', () => {
    const families = new Map(produced.map((check) => [familyOf(check.id), check]));
    expect([...families.keys()].sort()).toEqual(Object.keys(CHECK_FAMILIES).sort());
    for (const check of produced) expect([check.id, check.severity]).toEqual([check.id, CHECK_FAMILIES[familyOf(check.id)]!.severity]);
  });

  it('checks.md has a section for each family, and Check.rule\'s description states each family\'s rule', async () => {
    const headings = doc('checks.md')
      .split('\n')
      .filter((line) => line.startsWith('#'));
    const undocumented = Object.keys(CHECK_FAMILIES).filter((family) => !headings.some((heading) => heading.includes(`\`${family}\``) || heading.includes(`\`${family}/`)));
    expect(undocumented).toEqual([]);
    const check = (await buildGatewaySchema()).getType('Check');
    if (!isObjectType(check)) throw new Error('Check missing from the schema');
    for (const [family, { rule }] of Object.entries(CHECK_FAMILIES)) expect(check.getFields().rule!.description).toContain(`${family} (${CHECK_FAMILIES[family]!.severity}): ${rule}`);
  });
});
