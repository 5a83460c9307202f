import { isCellValueText } from '../../src/ingest/cell-value';
import { PDF_PAGE, renderPdf, type PlacedText } from './render-pdf';

/**
 * Row labels that a table cell wraps around the row's values, as a PDF prints
 * a two-line label centred against one line of values: the part in the first
 * group above the values' line, the last group below it, a middle group (if
 * any) on the values' line. Each splits the label field it matches whole.
 */
export const LABEL_WRAPS: readonly RegExp[] = [
  /^(行政规范|规范)(性文件)$/,
  /^(行政事业)(性收费)$/,
  /^(一、本年新)(收.*)$/,
  /^(.*部分公开.*只计)(.*)$/,
  /^(.*本机关不掌)(握.*)$/,
  /^(4\. ?无正当理由大量)(反复)(申请)$/,
  /^(5\. ?要求行政机关确认或重新出)(具已获取信息)$/,
  /^(\(七\) 总)(计)$/,
  /^(四、 ?结转下年)(度继续办理)$/,
];

/** One printed line of a table: its fields, and how far off the line's baseline each sits. */
interface PrintedRow {
  fields: { text: string; column: number; dy: number }[];
}

const isLabel = (field: string) => field.trim() !== '' && !isCellValueText(field);

/** The rows of one table line: the line itself, or its label split around its values when a wrap matches. */
function printedRows(fields: string[]): PrintedRow[] {
  const labelAt = fields.findLastIndex(isLabel);
  const hasValues = fields.some((f, i) => i > labelAt && f.trim() !== '');
  const parts = labelAt >= 0 && hasValues ? LABEL_WRAPS.map((wrap) => wrap.exec(fields[labelAt]!.trim())).find((m) => m) : undefined;
  const placed = (text: string, column: number, dy: number) => ({ text, column, dy });
  if (!parts) return [{ fields: fields.flatMap((f, c) => (f.trim() === '' ? [] : [placed(f.trim(), c, isLabel(f) ? 0 : -1.5)])) }];
  const [, first, ...rest] = parts as unknown as string[];
  const last = rest.at(-1)!;
  const middle = rest.length > 1 ? rest[0]! : '';
  const groups = fields.slice(0, labelAt).flatMap((f, c) => (f.trim() === '' ? [] : [placed(f.trim(), c, 5)]));
  const values = fields.flatMap((f, c) => (c <= labelAt || f.trim() === '' ? [] : [placed(f.trim(), c, -1.5)]));
  return [{ fields: [...groups, placed(first!, labelAt, 5)] }, { fields: [...(middle ? [placed(middle, labelAt, 0)] : []), ...values] }, { fields: [placed(last, labelAt, -5)] }];
}

function tableLines(text: string): { line: string; rows: PrintedRow[] | undefined }[] {
  return text.split('\n').map((line) => ({ line, rows: line.includes('\t') ? printedRows(line.split('\t')) : undefined }));
}

/** The report text with the wrapped labels as a text export prints them: the parts on lines of their own around the values' line. */
export function wrapLabelsInText(text: string): { text: string; wrapped: number } {
  let wrapped = 0;
  const lines = tableLines(text).flatMap(({ line, rows }) => {
    if (!rows || rows.length === 1) return [line];
    wrapped += 1;
    return rows.map((row) => row.fields.map((f) => f.text).join('\t'));
  });
  return { text: lines.join('\n'), wrapped };
}

/** The report as a PDF with the wrapped labels placed a line above and below their values' baseline. */
export function wrapLabelsInPdf(text: string): Buffer {
  const LINES_PER_PAGE = 40;
  const pages: PlacedText[][] = [[]];
  let slot = 0;
  const place = (texts: Omit<PlacedText, 'y'>[], dys: number[]) => {
    if (slot >= LINES_PER_PAGE) {
      pages.push([]);
      slot = 0;
    }
    const y = PDF_PAGE.height - 60 - slot * 18;
    pages.at(-1)!.push(...texts.map((t, i) => ({ ...t, y: y + dys[i]! })));
    slot += 1;
  };
  const entries = tableLines(text);
  const paragraph = (line: string) => {
    for (let at = 0; at < line.trim().length; at += 60) place([{ text: line.trim().slice(at, at + 60), x: 60, size: 10 }], [0]);
  };
  let widths: number[] = [];
  entries.forEach(({ line, rows }, index) => {
    if (!rows) return paragraph(line);
    // Column widths are each table's own: the run of table lines this one belongs to.
    if (!entries[index - 1]?.rows) {
      const end = entries.findIndex((e, i) => i > index && !e.rows);
      const block = entries.slice(index, end < 0 ? undefined : end);
      widths = [];
      for (const entry of block) entry.line.split('\t').forEach((f, c) => (widths[c] = Math.max(widths[c] ?? 2, f.length)));
    }
    const left = (column: number) => 40 + widths.slice(0, column).reduce((sum, w) => sum + w * 8 + 16, 0);
    // The parts of one wrapped row share its slot: above, on and below the values' baseline.
    const fields = rows.flatMap((row) => row.fields);
    place(
      fields.map((f) => ({ text: f.text, x: left(f.column), size: 8 })),
      fields.map((f) => f.dy),
    );
  });
  pages.forEach((page, index) => page.push({ text: `- ${index + 1} -`, x: PDF_PAGE.width / 2, y: 30, size: 9 }));
  return renderPdf(pages);
}
