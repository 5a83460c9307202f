import { isCellValueText } from '../../src/ingest/cell-value';
import { PDF_PAGE, renderPdf, type PlacedText } from './render-pdf';

/**
 * A report text (the samples' shape: table rows as tab-separated fields)
 * rendered as other formats print it, for tests that read every format back.
 */
export type Block = { kind: 'line'; text: string } | { kind: 'table'; rows: string[][] };

export function blocks(text: string): Block[] {
  const out: Block[] = [];
  for (const line of text.split('\n')) {
    const last = out.at(-1);
    if (line.includes('\t')) {
      if (last?.kind === 'table') last.rows.push(line.split('\t'));
      else out.push({ kind: 'table', rows: [line.split('\t')] });
    } else if (line.trim() !== '') out.push({ kind: 'line', text: line.trim() });
  }
  return out;
}

const isLabel = (field: string) => field.trim() !== '' && !isCellValueText(field);
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A label merged down over the rows below it that have nothing up to its column. */
function rowspanOf(rows: string[][], r: number, c: number): number {
  let span = 1;
  while (r + span < rows.length && rows[r + span]!.slice(0, c + 1).every((f) => f === '')) span += 1;
  return span;
}

/** A government page: navigation around the report, tables with merged cells and paragraphs inside cells; the whole page may sit in a layout table. */
export function renderHtml(text: string, charset = 'utf-8', layoutTable = false): string {
  const body = blocks(text).map((block) => {
    if (block.kind === 'line') return /^[一二三四五六]、/.test(block.text) ? `<h3>${escape(block.text)}</h3>` : `<p>${escape(block.text)}</p>`;
    const covered = new Set<string>();
    const rows = block.rows.map((fields, r) => {
      const cells: string[] = [];
      for (let c = 0; c < fields.length; c += 1) {
        if (covered.has(`${r}/${c}`)) continue;
        const field = fields[c]!;
        if (!isLabel(field)) {
          cells.push(`<td>${escape(field)}</td>`);
          continue;
        }
        const rowspan = rowspanOf(block.rows, r, c);
        for (let below = 1; below < rowspan; below += 1) covered.add(`${r + below}/${c}`);
        let colspan = 1;
        while (fields[c + colspan] === '' && isCellValueText(fields[c + colspan + 1] ?? '') && fields[c + colspan + 1] !== '') colspan += 1;
        const half = Math.ceil(field.length / 2);
        const paragraphs = field.length > 12 ? `<p>${escape(field.slice(0, half))}</p><p>${escape(field.slice(half))}</p>` : escape(field);
        cells.push(`<td${rowspan > 1 ? ` rowspan="${rowspan}"` : ''}${colspan > 1 ? ` colspan="${colspan}"` : ''}>${paragraphs}</td>`);
        c += colspan - 1;
      }
      return `<tr>${cells.join('')}</tr>`;
    });
    return `<table border="1">\n${rows.join('\n')}\n</table>`;
  });
  return `<!DOCTYPE html>
<html><head><meta charset="${charset}"><title>政府信息公开年报</title><script>var nav = "<table>";</script><style>td { border: 1px solid }</style></head>
<body>
<header><div class="logo">某某市人民政府门户网站</div></header>
<nav><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; <a href="/ndbg">政府信息公开年报</a></nav>
<div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 年度报告</div>
${layoutTable ? '<table class="layout"><tr><td class="side"><a href="/">返回</a></td><td>' : ''}<div class="article">
${body.join('\n')}
</div>${layoutTable ? '</td></tr></table>' : ''}
<footer>主办：某某市人民政府办公室　网站标识码：1234567890</footer>
</body></html>`;
}

/** Pipe tables, the first row of each followed by its separator, part headings as Markdown headings. */
export function renderMarkdown(text: string): string {
  return blocks(text)
    .map((block) => {
      if (block.kind === 'line') return /^[一二三四五六]、/.test(block.text) ? `## ${block.text}` : block.text;
      const width = Math.max(...block.rows.map((row) => row.length));
      const line = (fields: string[]) => `| ${Array.from({ length: width }, (_, i) => (fields[i] ?? '').replace(/\|/g, '\\|')).join(' | ')} |`;
      return [line(block.rows[0]!), `|${' --- |'.repeat(width)}`, ...block.rows.slice(1).map(line)].join('\n');
    })
    .join('\n\n');
}

/** Every field of a table on its own line, as Word tables come out in plain text. */
export function renderCellLines(text: string): string {
  return blocks(text)
    .flatMap((block) => (block.kind === 'line' ? [block.text] : block.rows.flatMap((row) => row.map((f) => f.trim()).filter((f) => f !== ''))))
    .join('\n');
}

/** A PDF: paragraphs wrapped, table fields in columns, numbers at the foot of each page, tables running over pages. */
export function renderPdfReport(text: string): Buffer {
  const LINES_PER_PAGE = 48;
  const pages: PlacedText[][] = [[]];
  let row = 0;
  const place = (texts: (Omit<PlacedText, 'y'> & { dy?: number })[]) => {
    if (row === LINES_PER_PAGE) {
      pages.push([]);
      row = 0;
    }
    const y = PDF_PAGE.height - 60 - row * 15;
    pages.at(-1)!.push(...texts.map(({ dy, ...t }) => ({ ...t, y: y + (dy ?? 0) })));
    row += 1;
  };
  for (const block of blocks(text)) {
    if (block.kind === 'line') {
      for (let at = 0; at < block.text.length; at += 80) place([{ text: block.text.slice(at, at + 80), x: 60, size: 10 }]);
      continue;
    }
    const width = Math.max(...block.rows.map((r) => r.length));
    const columns = Array.from({ length: width }, (_, c) => Math.max(2, ...block.rows.map((r) => (r[c] ?? '').length)) * 8 + 16);
    const left = (c: number) => 40 + columns.slice(0, c).reduce((sum, w) => sum + w, 0);
    // A row's values sit a point below its label, as table cells centre their text.
    for (const fields of block.rows) place(fields.flatMap((field, c) => (field.trim() === '' ? [] : [{ text: field.trim(), x: left(c), size: 8, dy: isCellValueText(field) ? -1.5 : 0 }])));
  }
  pages.forEach((page, index) => page.push({ text: `- ${index + 1} -`, x: PDF_PAGE.width / 2, y: 30, size: 9 }));
  return renderPdf(pages);
}
