import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/ingest/parse-report';
import type { ParsedCell, ParsedReport } from '../../src/ingest/parsed-report.types';
import { cellAddress, tablesOf } from '../../src/template/tables.template';
import { SAMPLE_FILES, sampleText } from '../helpers/fixtures';
import { G2_TEXT } from '../helpers/g2-variants';

const REPORTS: [string, string][] = [...SAMPLE_FILES.map((file): [string, string] => [file, sampleText(file)]), ['the 2019-layout G2 fixture', G2_TEXT]];

/** Where a cut falls: after the line of a row (all of it, or its first `values` fields), or after a t4 line. */
type CutPoint = { table: 't2' | 't3'; row: string; values?: number } | { table: 't4'; header: true } | { table: 't4'; values: number };

const CUTS: CutPoint[] = [
  { table: 't2', row: 'regulations', values: 2 },
  { table: 't2', row: 'normativeDocuments' },
  { table: 't2', row: 'penalty' },
  { table: 't3', row: 'new' },
  { table: 't3', row: 'denied.prohibitedByLaw' },
  { table: 't3', row: 'denied.prohibitedByLaw', values: 3 },
  { table: 't3', row: 'unable.unclear', values: 6 },
  { table: 't3', row: 'notProcessed.confirmation' },
  { table: 't3', row: 'carriedForward' },
  { table: 't4', header: true },
  { table: 't4', values: 7 },
  { table: 't4', values: 14 },
];

const describeCut = (cut: CutPoint) => ('row' in cut ? `${cut.table}/${cut.row}${cut.values ? ` after ${cut.values} values` : ''}` : 'header' in cut ? 't4 after its header' : `t4 after ${cut.values} values`);
const state = (cell: ParsedCell) => `${cell.value}:${cell.status}${cell.inferred ? ':inferred' : ''}`;

/** The text up to the cut, and the warning's expected line; `printed` is how many cells of the cut row the text still holds. */
function cutText(text: string, full: ParsedReport, cut: CutPoint): { text: string; line: number; printed: number } {
  const lines = text.split('\n');
  if ('row' in cut) {
    const line = full.cells.find((c) => c.table === cut.table && c.row === cut.row && !c.inferred)!.line!;
    const kept = lines.slice(0, line);
    if (cut.values === undefined) return { text: kept.join('\n'), line, printed: Infinity };
    // The row's line cut after its label fields and `values` value fields.
    const fields = kept.at(-1)!.split('\t');
    const firstValue = fields.findIndex((f, i) => i > 0 && /^\d+(\.\d+)?$/.test(f.trim()));
    kept[kept.length - 1] = fields.slice(0, firstValue + cut.values).join('\t');
    return { text: kept.join('\n'), line, printed: cut.values };
  }
  const valuesLine = full.cells.find((c) => c.table === 't4')!.line!;
  if ('header' in cut) return { text: lines.slice(0, valuesLine - 1).join('\n'), line: valuesLine - 1, printed: 0 };
  const kept = lines.slice(0, valuesLine);
  kept[kept.length - 1] = kept.at(-1)!.split('\t').slice(0, cut.values).join('\t');
  return { text: kept.join('\n'), line: valuesLine, printed: cut.values };
}

describe.each(REPORTS)('%s cut off inside a table', (_name, original) => {
  const full = parseReport(original);
  const order = tablesOf(full.generation).flatMap((t) => t.rows.map((r) => `${t.code}/${r.code}`));
  const labelOf = (row: string) => tablesOf(full.generation).flatMap((t) => t.rows.map((r) => [`${t.code}/${r.code}`, r.label])).find(([code]) => code === row)![1];

  it.each(CUTS.map((cut) => [describeCut(cut), cut] as const))('%s: cells before the cut as the full reading, after it MISSING and not inferred, one TRUNCATED warning', (_label, cut) => {
    const { text, line, printed } = cutText(original, full, cut);
    const report = parseReport(text);
    const cutRow = 'row' in cut ? `${cut.table}/${cut.row}` : 't4/review';
    const truncated = report.warnings.filter((w) => w.code === 'TRUNCATED');
    expect(truncated).toHaveLength(1);
    expect(truncated[0]!.address).toBe(cut.table);
    expect(truncated[0]!.line).toBe(line);
    if ('row' in cut) expect(truncated[0]!.message).toContain(`${cutRow} ${labelOf(cutRow)} `);
    expect(truncated[0]!.message).toContain(`(line ${line})`);
    const fullCells = new Map(full.cells.map((c) => [cellAddress(c), c]));
    let inCutRow = 0;
    for (const cell of report.cells) {
      const address = cellAddress(cell);
      const row = `${cell.table}/${cell.row}`;
      const position = cut.table === 't4' && cell.table === 't4' ? 'cut row' : order.indexOf(row) < order.indexOf(cutRow) ? 'before' : row === cutRow ? 'cut row' : 'after';
      const printedHere = position === 'before' || (position === 'cut row' && inCutRow++ < printed);
      if (printedHere) expect(state(cell), address).toBe(state(fullCells.get(address)!));
      else expect(state(cell), address).toBe('null:MISSING');
    }
    expect(report.warnings.filter((w) => w.code === 'ROW_NOT_FOUND' || w.code === 'TABLE_NOT_FOUND' || w.code === 'INFERRED_CELL')).toEqual([]);
  });

  it('the whole text: no TRUNCATED warning', () => {
    expect(full.warnings.filter((w) => w.code === 'TRUNCATED')).toEqual([]);
  });
});

describe('a table that is short but not cut off', () => {
  it('t4 with a value lost, followed by narrative under headings the parser does not know: no TRUNCATED, the lost cell handled as ever', () => {
    const lines = sampleText(SAMPLE_FILES[0]!)
      .replace('五、存在的主要问题及改进情况', '五、工作中的不足')
      .replace('六、其他需要报告的事项', '六、附记')
      .split('\n');
    const valuesAt = lines.findIndex((line) => /^0(\t0){14}$/.test(line));
    lines[valuesAt] = lines[valuesAt]!.split('\t').slice(1).join('\t');
    const report = parseReport(lines.join('\n'));
    expect(report.sections.at(-1)?.code).toBe('4');
    expect(report.warnings.map((w) => w.code)).not.toContain('TRUNCATED');
    expect(report.warnings.filter((w) => w.code === 'LOST_CELL').map((w) => w.address)).toEqual(['t4']);
  });
});
