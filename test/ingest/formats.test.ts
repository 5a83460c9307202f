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
  const { text, sourceFormat, sourceEncoding } = await readSource(bytes);
  const report = parseReport(text);
  return { format: `${sourceFormat} ${sourceEncoding}`, agency: report.agencyName, year: report.year, generation: report.generation, cells: report.cells.map((c) => `${cellAddress(c)}=${c.value}:${c.status}${c.inferred ? ':inferred' : ''}`) };
};

/** Each rendering, and the format and encoding it is detected as. */
const FORMATS: [string, (text: string) => Buffer, string][] = [
  ['HTML with merged cells and page clutter', (text) => Buffer.from(renderHtml(text)), 'HTML utf-8'],
  ['HTML in GBK', (text) => iconv.encode(renderHtml(text, 'gbk'), 'gbk'), 'HTML gb18030'],
  ['HTML inside a layout table', (text) => Buffer.from(renderHtml(text, 'utf-8', true)), 'HTML utf-8'],
  ['Markdown pipe tables', (text) => Buffer.from(renderMarkdown(text)), 'MARKDOWN utf-8'],
  ['one cell per line', (text) => Buffer.from(renderCellLines(text)), 'TEXT utf-8'],
  ['a generated PDF', (text) => renderPdfReport(text), 'PDF null'],
];

describe.each(FORMATS)('%s', (_name, render, format) => {
  it.each(SAMPLE_FILES)('%s: the same cells as the text original', async (sample) => {
    const original = await cellsOf(Buffer.from(sampleText(sample)));
    const rendered = await cellsOf(render(sampleText(sample)));
    expect(rendered.format).toBe(format);
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
        formats.push(`${result.outcome} ${result.stored.sourceFormat} ${result.stored.sourceEncoding}`);
      }
      expect(formats).toEqual(['stored TEXT utf-8', 'replaced HTML utf-8', 'replaced MARKDOWN utf-8', 'replaced PDF null']);
    } finally {
      await close();
    }
  });
});
