import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/ingest/parse-report';
import { readSource } from '../../src/ingest/read-source';
import { cellAddress } from '../../src/template/tables.template';
import { SAMPLE_FILES, sampleText } from '../helpers/fixtures';
import { G2_TEXT } from '../helpers/g2-variants';
import { renderHtml2019, type T4HtmlShape } from '../helpers/render-html-2019';

const REPORTS: [string, string][] = [['the 2019-layout G2 fixture', G2_TEXT], ...SAMPLE_FILES.map((file): [string, string] => [file, sampleText(file)])];

const SHAPES: [string, T4HtmlShape][] = [
  ['merged header cells', {}],
  ['vertical header text', { vertical: true }],
  ['Word cells: <p><span> and &nbsp;', { wordCells: true }],
  ['a leading empty cell before the values', { leadingEmptyCell: true }],
  ['a label cell before the values (数量)', { valuesLabel: '数量' }],
  ['header cells as <th>', { headerTh: true }],
  ['the part heading inside the table', { headingInTable: true }],
  ['t4 in the same table as t3', { inT3Table: true }],
  ['all of these at once', { vertical: true, wordCells: true, leadingEmptyCell: true, headerTh: true, headingInTable: true, inT3Table: true }],
];

const t4 = (text: string) =>
  parseReport(text)
    .cells.filter((c) => c.table === 't4')
    .map((c) => `${cellAddress(c)}=${c.value}:${c.status}${c.inferred ? ':inferred' : ''}`);

describe.each(REPORTS)('%s with t4 printed as 2019-layout HTML', (_name, original) => {
  const want = t4(original);

  it.each(SHAPES)('%s: t4 reads as in the text', async (_shape, shape) => {
    const { text, sourceFormat } = await readSource(Buffer.from(renderHtml2019(original, shape)));
    expect(sourceFormat).toBe('HTML');
    expect(t4(text)).toEqual(want);
    expect(parseReport(text).warnings.filter((w) => w.address === 't4' || w.message.startsWith('t4'))).toEqual([]);
  });
});
