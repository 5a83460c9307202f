import iconv from 'iconv-lite';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeInput } from '../../src/ingest/decode-input';
import { parseReport } from '../../src/ingest/parse-report';
import type { CellRecord } from '../../src/services/cell-export.service';
import { SAMPLE_FILES, sampleText } from '../helpers/fixtures';
import { ndjson, runCli } from '../helpers/run-cli';
import { tempSqlitePath, type TempSqlite } from '../helpers/temp-database';

const SAMPLE = '001_e6ee48d9f5f3b505.txt';

describe('bad input is refused by name and reason; the other files are still stored', () => {
  let tmp: TempSqlite;
  const write = (name: string, content: string | Buffer) => {
    const path = join(tmp.dir, name);
    writeFileSync(path, content);
    return path;
  };
  const exportCells = () => ndjson<CellRecord>(runCli(['export', '--format', 'ndjson', '--db', tmp.path]).stdout);

  beforeEach(() => {
    tmp = tempSqlitePath();
  });
  afterEach(() => tmp.cleanup());

  it.each([
    ['empty.txt', Buffer.alloc(0), 'empty file'],
    ['blank.txt', Buffer.from('\n  \n\t\n'), 'the file holds only white space'],
    ['image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]), 'binary content'],
    ['report.pdf', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'not a readable PDF'],
    ['letter.txt', Buffer.from('关于召开春季运动会的通知\n\n各单位：定于四月举行。\n'), 'not an annual report'],
    ['latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xff, 0xfe, 0xff, 0x0a]), 'neither valid UTF-8 nor GBK'],
    // NULs after every digit and line end (UTF-16LE), and one unpaired high surrogate (00 D8).
    ['utf16-damaged.txt', Buffer.concat([iconv.encode('年度报告 2023\n'.repeat(3), 'utf-16le'), Buffer.from([0x00, 0xd8]), iconv.encode('2023\n', 'utf-16le')]), 'looks like UTF-16LE text without a BOM, but is not valid UTF-16LE'],
  ])('%s', (name, content, reason) => {
    const bad = write(name, content);
    const good = write('good.txt', sampleText(SAMPLE));
    const run = runCli(['ingest', bad, good, '--db', tmp.path]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`refused   ${bad}: ${reason}`);
    expect(run.stdout).toMatch(/stored +.*good\.txt: 驻马店经济开发区管委会 2021 G3/);
    expect(run.stdout).toContain('2 file(s): 1 stored, 0 replaced, 0 unchanged, 0 kept, 1 refused');
    expect(exportCells()).toHaveLength(200);
  });

  it('a missing path and a file over the size limit', () => {
    const huge = join(tmp.dir, 'huge.txt');
    writeFileSync(huge, Buffer.alloc(21 * 1024 * 1024, 0x41));
    const run = runCli(['ingest', join(tmp.dir, 'nope.txt'), huge, '--db', tmp.path]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`refused   ${join(tmp.dir, 'nope.txt')}: no such file or folder`);
    expect(run.stdout).toContain(`refused   ${huge}: file is 22020096 bytes, over the 20971520-byte limit`);
  });

  it('a line too long, too many lines, and a table part that never ends are refused by line', () => {
    const text = sampleText(SAMPLE);
    const longLine = write('long-line.txt', text.replace('一、总体情况', `一、总体情况\n${'公开'.repeat(15_000)}`));
    const manyLines = write('many-lines.txt', text + '\n'.repeat(60_000));
    const tableLines = text.split('\n');
    const t3Heading = tableLines.findIndex((line) => line.startsWith('三、收到和处理'));
    tableLines.splice(t3Heading + 1, 0, ...Array.from({ length: 3_100 }, (_, i) => `（${i}）其他`));
    const endlessTable = write('endless-table.txt', tableLines.join('\n'));
    const run = runCli(['ingest', longLine, manyLines, endlessTable, '--db', tmp.path]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`refused   ${longLine}: line \\d+ is 30000 characters long, over the limit of 20000`));
    expect(run.stdout).toMatch(/many-lines\.txt: the text has \d+ lines, over the limit of 50000/);
    expect(run.stdout).toMatch(new RegExp(`refused   ${endlessTable}: part 3 \\(a table\\) runs for \\d+ lines from line ${t3Heading + 2}, over the limit of 3000`));
    expect(exportCells()).toHaveLength(0);
  });

  it('a parse that runs out of time is refused, naming where it stopped', () => {
    expect(() => parseReport(sampleText(SAMPLE), { timeoutMs: 0 })).toThrow('reading took over 0 ms and was stopped (while reading the title)');
    expect(parseReport(sampleText(SAMPLE)).cells).toHaveLength(200);
  });

  it('a refused file leaves what is already stored untouched', () => {
    const good = write('good.txt', sampleText(SAMPLE));
    expect(runCli(['ingest', good, '--db', tmp.path]).status).toBe(0);
    const before = exportCells();
    const run = runCli(['ingest', write('bad.txt', Buffer.alloc(0)), '--db', tmp.path]);
    expect(run.status).toBe(1);
    expect(exportCells()).toEqual(before);
  });

  it('a report without a year in its title is refused unless --year gives one', () => {
    const undated = write('undated.txt', sampleText(SAMPLE).replace('管委会2021年政府信息公开工作年度报告', '管委会政府信息公开工作年度报告'));
    expect(runCli(['ingest', undated, '--db', tmp.path]).stdout).toContain('no report year in the title; give one with --year');
    const run = runCli(['ingest', undated, '--db', tmp.path, '--year', '2021', '--agency', '驻马店经济开发区管理委员会']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('驻马店经济开发区管理委员会 2021 G3');
  });

  it('a bad option value is an error naming the option', () => {
    const run = runCli(['ingest', 'x.txt', '--year', 'soon', '--db', tmp.path]);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(`option '--year <n>' argument 'soon' is invalid. "soon" is not a report year`);
  });
});

describe('encodings', () => {
  it.each(['gbk', 'gb18030', 'utf-16le', 'utf-16be'])('a %s-encoded copy of a sample (no BOM) parses identically', (encoding) => {
    const text = sampleText(SAMPLE);
    const tmp = tempSqlitePath();
    try {
      const path = join(tmp.dir, `${encoding}.txt`);
      writeFileSync(path, iconv.encode(text, encoding));
      const run = runCli(['ingest', path, '--db', tmp.path]);
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(`from text/${encoding === 'gbk' ? 'gb18030' : encoding}, 6 parts, 200 cells`);
      const cells = ndjson<CellRecord>(runCli(['export', '--format', 'ndjson', '--db', tmp.path]).stdout);
      const fromUtf8 = parseReport(text).cells;
      expect(cells.map((c) => [c.address, c.value, c.raw, c.status, c.line])).toEqual(
        fromUtf8.map((c) => [`${c.table}/${c.row}/${c.column}`, c.value, c.raw, c.status, c.line]),
      );
    } finally {
      tmp.cleanup();
    }
  });

  it.each(SAMPLE_FILES)('%s in UTF-16LE and UTF-16BE without a BOM decodes to the original text', (file) => {
    const text = sampleText(file);
    for (const encoding of ['utf-16le', 'utf-16be'] as const) expect(decodeInput(iconv.encode(text, encoding))).toEqual({ text, encoding });
  });

  it('UTF-8 with a BOM, UTF-16 with a BOM and CRLF line ends read as the plain text', () => {
    const text = sampleText(SAMPLE);
    const expected = parseReport(text);
    for (const bytes of [
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]),
      Buffer.from(text.replace(/\n/g, '\r\n')),
    ]) {
      const tmp = tempSqlitePath();
      try {
        writeFileSync(join(tmp.dir, 'r.txt'), bytes);
        expect(runCli(['ingest', join(tmp.dir, 'r.txt'), '--db', tmp.path]).status).toBe(0);
        const cells = ndjson<CellRecord>(runCli(['export', '--format', 'ndjson', '--db', tmp.path]).stdout);
        expect(cells.map((c) => c.value)).toEqual(expected.cells.map((c) => c.value));
      } finally {
        tmp.cleanup();
      }
    }
  });
});
