import { escapeHtml } from './html-escape';

/** Chinese text in Noto CJK (Debian's fonts-noto-cjk), with the usual system fonts after it. */
export const CJK_SANS = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
export const CJK_SERIF = '"Noto Serif CJK SC", "Noto Serif SC", "Source Han Serif SC", "Songti SC", SimSun, serif';

/**
 * One style for screen and A4 print: tables fill the width with fixed columns
 * and cells that wrap any long text, so nothing runs past the page; a row never
 * breaks across pages and a table's head repeats on each page.
 */
export const DOCUMENT_CSS = `
@page { size: A4; margin: 16mm 14mm 18mm 14mm; }
* { box-sizing: border-box; }
html { font-family: ${CJK_SANS}; font-size: 10.5pt; line-height: 1.5; color: #1a1a1a; }
body { margin: 0 auto; max-width: 182mm; padding: 8mm 0; }
h1, h2, h3 { font-family: ${CJK_SERIF}; line-height: 1.3; break-after: avoid; }
h1 { font-size: 18pt; margin: 0 0 4mm; }
h2 { font-size: 14pt; margin: 8mm 0 3mm; border-bottom: 1px solid #888; }
h3 { font-size: 11.5pt; margin: 5mm 0 2mm; }
p, li, dd { overflow-wrap: anywhere; }
table { table-layout: fixed; width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; }
th, td { border: 1px solid #bbb; padding: 1mm 1.5mm; vertical-align: top; overflow-wrap: anywhere; word-break: break-word; }
th { background: #f0f0f0; font-weight: 600; text-align: left; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
figure { margin: 3mm 0 5mm; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; display: block; }
svg { max-width: 100%; height: auto; }
figcaption { font-weight: 600; margin-bottom: 1mm; }
.mark { font-size: 8.5pt; color: #8a3b00; white-space: nowrap; }
.muted { color: #666; }
.error { color: #a00000; }
.warning { color: #8a5a00; }
dl { margin: 0; } dt { font-weight: 600; margin-top: 2mm; } dd { margin: 0 0 0 6mm; }
@media print { body { max-width: none; padding: 0; } a { color: inherit; text-decoration: none; } }
`;

export interface DocumentPage {
  /** The page's title (escaped here). */
  title: string;
  /** The body's HTML, already escaped where it holds text. */
  body: string;
  /** Extra CSS after the shared style. */
  css?: string;
}

/** A complete HTML page around a body. */
export function documentShell(page: DocumentPage): string {
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>${DOCUMENT_CSS}${page.css ?? ''}</style>`,
    '</head>',
    '<body>',
    page.body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
