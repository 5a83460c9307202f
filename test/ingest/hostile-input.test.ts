import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INGEST_LIMITS } from '../../src/ingest/ingest-limits';
import { pdfText } from '../../src/ingest/pdf-text';
import type { CellRecord } from '../../src/services/cell-export.service';
import { FIXTURES, sampleText } from '../helpers/fixtures';
import { deeplyNestedHtml, ONE_LINE_CONTENT, pdfBomb, pdfNeedingMemory, pdfSharingOneContent, pdfTooSlow } from '../helpers/hostile-inputs';
import { ndjson, runCli } from '../helpers/run-cli';
import { cliDatabase, type CliDatabase } from '../helpers/test-databases';
import { tempSqlitePath, type TempSqlite } from '../helpers/temp-database';

const SAMPLE = '001_e6ee48d9f5f3b505.txt';
const MIB = 1024 * 1024;

describe('files built to exhaust the reader are refused with the reason; the other files of the run are stored', () => {
  let database: CliDatabase;
  let tmp: TempSqlite;
  const write = (name: string, content: string | Buffer) => {
    const path = join(tmp.dir, name);
    writeFileSync(path, content);
    return path;
  };
  const ingest = (paths: string[]) => runCli(['ingest', ...paths, ...database.args], database.env);
  const exportCells = () => ndjson<CellRecord>(runCli(['export', '--format', 'ndjson', ...database.args], database.env).stdout);

  beforeEach(async () => {
    database = await cliDatabase();
    tmp = tempSqlitePath();
  });
  afterEach(async () => {
    await database.cleanup();
    tmp.cleanup();
  });

  it('PDFs: a stream inflating past the limit, 20,000 pages sharing one content stream, and pages that take past the deadline', () => {
    // One MiB past the documented 64 MiB: the decoded-bytes limit refuses it, before pdf.js inflates anything.
    const bomb = write('bomb.pdf', pdfBomb(INGEST_LIMITS.maxPdfInflatedBytes + MIB));
    const pages = write('pages.pdf', pdfSharingOneContent(20_000, ONE_LINE_CONTENT));
    const slow = write('slow.pdf', pdfTooSlow());
    const good = write('good.txt', sampleText(SAMPLE));
    const run = ingest([bomb, pages, slow, good]);
    expect(run.status).toBe(1);
    // The bomb's one stream is object 3, after the catalog and the page tree.
    expect(run.stdout).toMatch(new RegExp(`refused   ${bomb}: PDF streams inflate to over 67108864 bytes \\(limit 67108864\\); the stream at byte \\d+ passed it`));
    expect(run.stdout).toContain(`refused   ${pages}: PDF has 20000 pages (limit 200)`);
    expect(run.stdout).toContain(`refused   ${slow}: reading took over 5000 ms and was stopped (while reading the PDF's text)`);
    expect(run.stdout).toMatch(/stored +.*good\.txt: 驻马店经济开发区管委会 2021 G3/);
    expect(run.stdout).toContain('4 file(s): 1 stored, 0 replaced, 0 unchanged, 0 kept, 3 refused');
    expect(exportCells()).toHaveLength(200);
  });

  it('HTML: 200,000 nested <div>s around a report are refused at the nesting limit; 480 still read as the report', () => {
    const text = sampleText(SAMPLE);
    const deep = write('deep.html', deeplyNestedHtml(text, 200_000));
    const run = ingest([deep, write('good.txt', text)]);
    expect(run.status).toBe(1);
    // The page's <body> (and so the first <div>) is on its line 3, after the doctype and the head.
    expect(run.stdout).toContain(`refused   ${deep}: <div> at line 3 is nested 501 elements deep, over the HTML nesting limit of 500`);
    expect(run.stdout).toContain('2 file(s): 1 stored, 0 replaced, 0 unchanged, 0 kept, 1 refused');
    // 480 divs, plus html, body and the report's own div, table, tr, td and p: under 500.
    const nested = ingest([write('nested.html', deeplyNestedHtml(text, 480))]);
    expect(nested.status).toBe(0);
    expect(nested.stdout).toMatch(/nested\.html: 驻马店经济开发区管委会 2021 G3 from html\/utf-8, 6 parts, 200 cells/);
  });
});

describe('the PDF reader thread', () => {
  it('is stopped when its heap passes the cap: refused, and the next PDF reads', async () => {
    // The cap lowered to 64 MB and the deadline raised, so that the memory cap is what stops it.
    await expect(pdfText(pdfNeedingMemory(), { memoryMb: 64, timeoutMs: 120_000 })).rejects.toThrow('reading the PDF needed over 64 MB of memory (limit 64 MB) and was stopped');
    const { text } = await pdfText(readFileSync(join(FIXTURES, 'pdf', 'hongze-2023.pdf')), { memoryMb: 64 });
    expect(text.split('\n')[0]).toContain('洪泽区人民政府');
  });
});
