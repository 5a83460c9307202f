import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ingestReport } from '../../src/ingest/ingest-report';
import { parseReport } from '../../src/ingest/parse-report';
import { readSource } from '../../src/ingest/read-source';
import { cellAddress } from '../../src/template/tables.template';
import { SAMPLE_FILES, sampleText } from '../helpers/fixtures';
import { renderCellLines, renderHtml, renderMarkdown, renderPdfReport } from '../helpers/render-formats';
import { openTestDatabase } from '../helpers/test-databases';

/** What must not change with the format: each cell's address, value, status and whether it was inferred. */
const cellsOf = async (bytes: Buffer) => {
  const { text, format } = await readSource(bytes);
  const report = parseReport(text);
  return { format, agency: report.agencyName, year: report.year, generation: report.generation, cells: report.cells.map((c) => `${cellAddress(c)}=${c.value}:${c.status}${c.inferred ? ':inferred' : ''}`) };
};

const FORMATS: [string, (text: string) => Buffer, RegExp][] = [
  ['HTML with merged cells and page clutter', (text) => Buffer.from(renderHtml(text)), /^html\/utf-8$/],
  ['HTML in GBK', (text) => iconv.encode(renderHtml(text, 'gbk'), 'gbk'), /^html\/gb18030$/],
  ['HTML inside a layout table', (text) => Buffer.from(renderHtml(text, 'utf-8', true)), /^html\/utf-8$/],
  ['Markdown pipe tables', (text) => Buffer.from(renderMarkdown(text)), /^markdown\/utf-8$/],
  ['one cell per line', (text) => Buffer.from(renderCellLines(text)), /^text\/utf-8$/],
  ['a generated PDF', (text) => renderPdfReport(text), /^pdf$/],
];

describe.each(FORMATS)('%s', (_name, render, format) => {
  it.each(SAMPLE_FILES)('%s: the same cells as the text original', async (sample) => {
    const original = await cellsOf(Buffer.from(sampleText(sample)));
    const rendered = await cellsOf(render(sampleText(sample)));
    expect(rendered.format).toMatch(format);
    expect({ ...rendered, format: undefined }).toEqual({ ...original, format: undefined });
  });
});

describe('formats are detected from the bytes and named in the stored report', () => {
  it('text, HTML, Markdown and PDF copies of one report: one report, replaced by content, its format kept', async () => {
    const { dataSource, close } = await openTestDatabase('sqlite');
    try {
      const text = sampleText(SAMPLE_FILES[0]!);
      const formats: string[] = [];
      for (const bytes of [Buffer.from(text), Buffer.from(renderHtml(text)), Buffer.from(renderMarkdown(text)), renderPdfReport(text)]) {
        const result = await ingestReport(dataSource, { bytes });
        formats.push(`${result.outcome} ${result.stored.sourceFormat}`);
      }
      expect(formats).toEqual(['stored text/utf-8', 'replaced html/utf-8', 'replaced markdown/utf-8', 'replaced pdf']);
    } finally {
      await close();
    }
  });
});
