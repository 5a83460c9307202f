import { labelMatches } from '../template/label-normalize';
import { T3_COLLAPSIBLE_BLOCKS, type CollapsibleBlock } from '../template/t3.template';
import type { TableTemplate } from '../template/template.types';
import { readCellValue } from './cell-value';
import type { ParsedCell, ParseWarning, SourceLine } from './parsed-report.types';
import type { RowRead } from './row-reader';
import { hasValue, splitTableLine, withoutTrailingBlanks } from './table-line';

/**
 * A block the table prints as one row (（六）其他处理 in the 2019 layout)
 * where the template has several. When every value of the single row is 0,
 * so is every row of the block: those cells are inferred, with the rule
 * `t3.singleRow/<block>`. Other values cannot be split among the rows, which
 * stay MISSING. Either way a warning says so, in place of the rows not found.
 */
export function readCollapsedBlocks(template: TableTemplate, rows: ReadonlyMap<string, RowRead>, lines: readonly SourceLine[], cells: ParsedCell[], warnings: ParseWarning[]): void {
  for (const block of T3_COLLAPSIBLE_BLOCKS) {
    // A layout with the block as one row of its own (G2) reads it as that row.
    if (!block.rows.every((row) => template.rows.some((r) => r.code === row))) continue;
    if (block.rows.some((row) => rows.has(row))) continue;
    const single = singleRowOf(block, lines);
    if (!single) continue;
    const where = `t3/${block.code}: line ${single.line} prints the block as one row (the 2019 layout)`;
    dropWarnings(warnings, block, single.line);
    const values = withoutTrailingBlanks(single.values).filter((value) => value !== '');
    const allZero = values.length === template.columns.length && values.every((value) => readCellValue(value)?.status === 'ZERO');
    if (!allZero) {
      warnings.push({ code: 'SINGLE_ROW_BLOCK', message: `${where}; its values cannot be split among its ${block.rows.length} rows, which stay MISSING`, line: single.line, address: `t3/${block.code}` });
      continue;
    }
    const rule = `t3.singleRow/${block.code}`;
    for (const cell of cells) {
      if (cell.table !== 't3' || !block.rows.includes(cell.row)) continue;
      Object.assign(cell, { value: 0, raw: null, status: 'ZERO', inferred: true, rule, line: single.line });
    }
    warnings.push({ code: 'SINGLE_ROW_BLOCK', message: `${where}, all 0: its ${block.rows.length} rows are 0, inferred`, line: single.line, address: `t3/${block.code}` });
  }
}

function singleRowOf(block: CollapsibleBlock, lines: readonly SourceLine[]): { values: string[]; line: number } | undefined {
  for (const source of lines) {
    const line = splitTableLine(source.text);
    if (hasValue(line) && labelMatches(line.label, block.match)) return { values: line.values, line: source.number };
  }
  return undefined;
}

/** The row reader's "not found" for the block's rows and "unrecognised" for its single line say less than the block's own warning. */
function dropWarnings(warnings: ParseWarning[], block: CollapsibleBlock, line: number): void {
  const addresses = new Set(block.rows.map((row) => `t3/${row}`));
  for (let i = warnings.length - 1; i >= 0; i -= 1) {
    const warning = warnings[i]!;
    if ((warning.code === 'ROW_NOT_FOUND' && addresses.has(warning.address ?? '')) || (warning.code === 'UNRECOGNISED_ROW' && warning.line === line)) warnings.splice(i, 1);
  }
}
