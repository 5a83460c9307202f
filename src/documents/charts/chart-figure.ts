import { escapeHtml } from '../html-escape';

/** One series of a chart: a value per category, null where there is none (drawn as a gap). */
export interface ChartSeries {
  name: string;
  values: (number | null)[];
  /** Why a value is null, shown in the table in its place. */
  reasons?: (string | null | undefined)[];
  /** Where each value is in the GraphQL answer (data-path), so a reader or a test can find it. */
  paths?: (string | undefined)[];
}

/** How a number is written: the table cell shows `format(value)` and keeps the exact value in data-value. */
export type NumberFormat = (value: number) => string;

/**
 * The chart in a <figure>: the caption, the SVG, and a table of the chart's
 * numbers as text (for screen readers and copying), each cell's exact value in
 * its data-value attribute.
 */
export function chartFigure(caption: string, svg: string, categoryHeading: string, categories: string[], series: ChartSeries[], format: NumberFormat): string {
  const head = `<tr><th scope="col">${escapeHtml(categoryHeading)}</th>${series.map((s) => `<th scope="col" class="num">${escapeHtml(s.name)}</th>`).join('')}</tr>`;
  const rows = categories.map((category, i) => {
    const cells = series.map((s) => {
      const value = s.values[i];
      if (value === null || value === undefined) return `<td class="num muted">—${s.reasons?.[i] ? `<br><span class="mark">${escapeHtml(s.reasons[i])}</span>` : ''}</td>`;
      const path = s.paths?.[i];
      return `<td class="num" data-value="${value}"${path ? ` data-path="${escapeHtml(path)}"` : ''}>${escapeHtml(format(value))}</td>`;
    });
    return `<tr><th scope="row">${escapeHtml(category)}</th>${cells.join('')}</tr>`;
  });
  return [
    '<figure class="chart">',
    `<figcaption>${escapeHtml(caption)}</figcaption>`,
    svg,
    `<table class="chart-data"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`,
    '</figure>',
  ].join('\n');
}
