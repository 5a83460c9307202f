import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestReport } from '../../src/ingest/ingest-report';
import { parseReport } from '../../src/ingest/parse-report';
import { readSource } from '../../src/ingest/read-source';
import { cellAddress } from '../../src/template/tables.template';
import { FIXTURES, SAMPLE_FILES, sampleText } from '../helpers/fixtures';
import { DELIMITED_SHAPES, renderSavedText, SITE_NAVIGATION, type SavedTextOptions } from '../helpers/render-delimited';
import { renderCellLines, renderHtml, renderMarkdown, renderPdfReport } from '../helpers/render-formats';
import { openTestDatabase } from '../helpers/test-databases';

/** What must not change with the format: each cell's address, value, status and whether it was inferred. */
const cellsOf = async (bytes: Buffer) => {
  const { text, sourceFormat, sourceEncoding } = await readSource(bytes);
  const report = parseReport(text);
  return { format: `${sourceFormat} ${sourceEncoding}`, agency: report.agencyName, year: report.year, generation: report.generation, cells: report.cells.map((c) => `${cellAddress(c)}=${c.value}:${c.status}${c.inferred ? ':inferred' : ''}`) };
};

/** The samples and the 2019-layout (G2) report, by name. */
const ORIGINALS: [string, string][] = [...SAMPLE_FILES.map((file): [string, string] => [file, sampleText(file)]), ['g2/2020-g2-finance.txt', readFileSync(join(FIXTURES, 'g2', '2020-g2-finance.txt'), 'utf8')]];

/** Each rendering, and the format and encoding it is detected as. */
const FORMATS: [string, (text: string) => Buffer, string][] = [
  ['HTML with merged cells and page clutter', (text) => Buffer.from(renderHtml(text)), 'HTML utf-8'],
  ['HTML in GBK', (text) => iconv.encode(renderHtml(text, 'gbk'), 'gbk'), 'HTML gb18030'],
  ['HTML inside a layout table', (text) => Buffer.from(renderHtml(text, 'utf-8', true)), 'HTML utf-8'],
  ['Markdown pipe tables', (text) => Buffer.from(renderMarkdown(text)), 'MARKDOWN utf-8'],
  ['Markdown after a site menu', (text) => Buffer.from([...SITE_NAVIGATION, renderMarkdown(text)].join('\n')), 'MARKDOWN utf-8'],
  ['one cell per line', (text) => Buffer.from(renderCellLines(text)), 'TEXT utf-8'],
  ['a generated PDF', (text) => renderPdfReport(text), 'PDF null'],
];

describe.each(FORMATS)('%s', (_name, render, format) => {
  it.each(ORIGINALS)('%s: the same cells as the text original', async (_sample, text) => {
    const original = await cellsOf(Buffer.from(text));
    const rendered = await cellsOf(render(text));
    expect(rendered.format).toBe(format);
    expect({ ...rendered, format: undefined }).toEqual({ ...original, format: undefined });
  });
});

/** How a saved page may print besides its shape. */
const SAVED_VARIANTS: [string, SavedTextOptions][] = [
  ['as saved', {}],
  ['with navigation and page numbers', { clutter: true }],
  ['with full-width digits and half-width brackets', { fullWidthDigits: true, halfWidthBrackets: true }],
  ['with all of these', { clutter: true, fullWidthDigits: true, halfWidthBrackets: true }],
];

describe.each(DELIMITED_SHAPES)('text saved from a web page: %s', (shape) => {
  describe.each(SAVED_VARIANTS)('%s', (_variant, options) => {
    it.each(ORIGINALS)('%s: the same cells as the text original, read as TEXT', async (_name, text) => {
      const original = await cellsOf(Buffer.from(text));
      const saved = await cellsOf(Buffer.from(renderSavedText(text, shape, options)));
      expect(saved.format).toBe('TEXT utf-8');
      expect({ ...saved, format: undefined }).toEqual({ ...original, format: undefined });
    });
  });
});

describe('text saved on Windows', () => {
  it.each(['pipe rows', 'one cell per line with a trailing pipe', 'space-run rows'] as const)('%s with \\r\\n line ends: the same cells as the text original', async (shape) => {
    const text = sampleText(SAMPLE_FILES[2]!);
    const saved = await cellsOf(Buffer.from(renderSavedText(text, shape, { clutter: true }).replace(/\n/g, '\r\n')));
    expect({ ...saved, format: undefined }).toEqual({ ...(await cellsOf(Buffer.from(text))), format: undefined });
  });
});

describe('formats are detected from the bytes and named in the stored report', () => {
  it('text, HTML, Markdown, PDF and saved-page copies of one report: one report, replaced by content, its format kept', async () => {
    const { dataSource, close } = await openTestDatabase('sqlite');
    try {
      const text = sampleText(SAMPLE_FILES[0]!);
      const formats: string[] = [];
      for (const bytes of [Buffer.from(text), Buffer.from(renderHtml(text)), Buffer.from(renderMarkdown(text)), renderPdfReport(text), Buffer.from(renderSavedText(text, 'pipe rows', { clutter: true }))]) {
        const result = await ingestReport(dataSource, { bytes });
        formats.push(`${result.outcome} ${result.stored.sourceFormat} ${result.stored.sourceEncoding}`);
      }
      expect(formats).toEqual(['stored TEXT utf-8', 'replaced HTML utf-8', 'replaced MARKDOWN utf-8', 'replaced PDF null', 'replaced TEXT utf-8']);
    } finally {
      await close();
    }
  });
});
