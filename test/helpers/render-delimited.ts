import { blocks } from './render-formats';

/**
 * A report text (table rows as tab-separated fields) as web-to-text tools save
 * the page: the shapes below, seen on government sites, each with or without
 * the page's clutter and the printing quirks of the options.
 */
export const DELIMITED_SHAPES = [
  'pipe rows',
  'pipe rows under a header rule',
  'pipe rows with leading pipes',
  'full-width pipe rows',
  'tab rows',
  'space-run rows',
  'one cell per line with a trailing pipe',
  'cells between blank lines',
  'cells between lone pipe lines',
] as const;
export type DelimitedShape = (typeof DELIMITED_SHAPES)[number];

export interface SavedTextOptions {
  /** Navigation lines before the title, page numbers between paragraphs, table rows and cells. */
  clutter?: boolean;
  /** ０１２ for 012. */
  fullWidthDigits?: boolean;
  /** ( ) : for （ ）：. */
  halfWidthBrackets?: boolean;
}

/** A site's menu and breadcrumbs, more lines than a title is looked for in. */
export const SITE_NAVIGATION = [
  ...['首页', '走进本区', '政务公开', '政务服务', '互动交流', '政府信息公开指南', '政府信息公开制度', '法定主动公开内容', '政府信息公开年报', '依申请公开'],
  '首页 | 政务公开 | 政府信息公开 | 政府信息公开年报',
  '当前位置：首页 > 政务公开 > 政府信息公开年报',
  '【字体：大 中 小】 打印本页 关闭窗口',
  '来源：本站  浏览次数：1024',
];
const PAGE_LINES = [(n: number) => `第 ${n} 页`, (n: number) => `- ${n} -`, (n: number) => `${n}/12`, (n: number) => `第${n}页 共12页`];
/** Table lines or cells between page numbers. */
const PAGE_EVERY = 7;
const FULL_WIDTH_OFFSET = 0xff10 - 0x30;

/** A header cell split over two cells, as pages print 商业 企业. */
const splitHeaderCells = (rows: string[][]) => rows.map((row) => row.flatMap((field) => (field === '商业企业' ? ['商业', '企业'] : [field])));

/** A table's rows in one of the row shapes. */
function rowLines(rows: string[][], shape: DelimitedShape): string[] {
  const split = splitHeaderCells(rows);
  const trimmed = (row: string[]) => row.slice(0, row.findLastIndex((f) => f.trim() !== '') + 1);
  switch (shape) {
    case 'tab rows':
      return rows.map((row) => row.join('\t'));
    case 'space-run rows': {
      const widths = Array.from({ length: Math.max(...split.map((r) => r.length)) }, (_, c) => Math.max(...split.map((r) => (r[c] ?? '').length)));
      return split.map((row) => row.map((field, c) => field.padEnd(widths[c]! + 2)).join('').trimEnd());
    }
    case 'pipe rows with leading pipes':
      return split.map((row) => `| ${row.join(' | ')} |`);
    case 'full-width pipe rows':
      return split.map((row) => `${trimmed(row).join('｜')}｜${'｜'.repeat(row.length - trimmed(row).length)}`);
    default: {
      // Empty cells at the end come out as a run of pipes: "第二十条第(一)项 | |||".
      const lines = split.map((row) => `${trimmed(row).join(' | ')} |${row.length > trimmed(row).length ? ` ${'|'.repeat(row.length - trimmed(row).length)}` : ''}`);
      const ruled = shape === 'pipe rows under a header rule' ? [lines[0]!, Array.from(split[0]!, () => '---').join('|'), ...lines.slice(1)] : lines;
      return ruled.flatMap((line, index) => (index % 4 === 3 ? [line, '||||'] : [line]));
    }
  }
}

/** A table's fields one on a line, empty ones left out, in one of the cell shapes. */
function cellLines(rows: string[][], shape: DelimitedShape): string[] {
  const cells = splitHeaderCells(rows).flatMap((row) => row.map((field) => field.trim()).filter((field) => field !== ''));
  if (shape === 'one cell per line with a trailing pipe') return cells.map((cell) => `${cell} |`);
  const between = shape === 'cells between blank lines' ? '' : '|';
  return cells.flatMap((cell) => [cell, between]);
}

function withPageNumbers(lines: string[], every: number): string[] {
  let page = 1;
  return lines.flatMap((line, index) => (index % every === every - 1 ? [line, PAGE_LINES[page % PAGE_LINES.length]!((page += 1))] : [line]));
}

/** The report as a web-to-text tool saves it, in one shape. */
export function renderSavedText(text: string, shape: DelimitedShape, options: SavedTextOptions = {}): string {
  const isRowShape = shape.includes('rows');
  const lines = blocks(text).flatMap((block) => {
    if (block.kind === 'line') return [block.text, ''];
    const table = isRowShape ? rowLines(block.rows, shape) : cellLines(block.rows, shape);
    return [...(options.clutter ? withPageNumbers(table, PAGE_EVERY) : table), ''];
  });
  let saved = [...(options.clutter ? SITE_NAVIGATION : []), ...lines].join('\n');
  if (options.halfWidthBrackets) saved = saved.replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':');
  if (options.fullWidthDigits) saved = saved.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + FULL_WIDTH_OFFSET));
  return saved;
}
