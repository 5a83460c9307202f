import { GENERATION_FIRST_YEAR, GENERATION_SIGNATURES } from './generations.template';
import { PARTS } from './parts.template';
import { tablesOf, templateCells } from './tables.template';
import type { ColumnTemplate, TableTemplate } from './template.types';

const LAYOUTS = { G3: '2021 template', G2: '2019 template' } as const;

const table = (header: string[], rows: string[][]) => [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((cells) => `| ${cells.join(' | ')} |`)];
const code = (value: string) => `\`${value}\``;
const kindOf = (column: ColumnTemplate) => (column.decimal ? 'decimal amount' : column.signed ? 'signed count (may be negative)' : 'count');

function tableSection(template: TableTemplate): string[] {
  const allColumns = template.columns.map((c) => c.code);
  return [
    `### ${template.code} — ${template.title}`,
    '',
    ...table(['column', 'label', 'kind'], template.columns.map((c) => [code(c.code), c.label, kindOf(c)])),
    '',
    ...table(['row', 'label', 'columns'], template.rows.map((r) => [code(r.code), r.label, (r.columns ?? allColumns).map(code).join(' · ')])),
    '',
  ];
}

/** docs/template-codes.md: every part, table, row and column code of the national template, written out from this folder's data. */
export function renderTemplateReference(): string {
  const lines = [
    '# Template codes',
    '',
    '<!-- Generated from src/template/ by `npm run docs`: edit the template data, not this file (a test fails while it is stale). -->',
    '',
    'Every code Nianbao gives the parts, tables, rows and columns of the national',
    'template, with the label the template prints. A cell is addressed as',
    '`table/row/column` (`t3/new/total`). How these are read and what they mean is',
    'described in [report-format.md](report-format.md).',
    '',
    '## Parts',
    '',
    ...table(['code', 'title', 'table'], PARTS.flatMap((part) => [part, ...(part.subParts ?? [])]).map((part) => [code(part.code), part.title, part.table ? code(part.table) : ''])),
    '',
  ];
  for (const generation of ['G3', 'G2'] as const) {
    const cells = templateCells(generation);
    const perTable = tablesOf(generation).map((t) => `${t.code}: ${cells.filter((c) => c.table === t.code).length}`);
    lines.push(
      `## ${generation}: the ${LAYOUTS[generation]} (reports from ${GENERATION_FIRST_YEAR[generation]})`,
      '',
      `${cells.length} cells (${perTable.join(', ')}). Told by the strings only its tables print: ${GENERATION_SIGNATURES[generation].join(' · ')}.`,
      '',
      ...tablesOf(generation).flatMap(tableSection),
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
