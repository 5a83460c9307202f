import * as echarts from 'echarts';
import { createHash } from 'node:crypto';
import { CJK_SANS } from '../document-shell';
import { escapeHtml } from '../html-escape';

/** ECharts writes the font family into double-quoted style attributes unescaped: its names go in single quotes. */
const SVG_FONT_FAMILY = CJK_SANS.replace(/"/g, "'");

export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 280;

/** Renders an ECharts option to an SVG string on the server (no canvas, no browser); animation is off. */
export function renderSvg(option: echarts.EChartsOption, label: string, width = CHART_WIDTH, height = CHART_HEIGHT): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: SVG_FONT_FAMILY }, ...option });
    return stableIds(chart.renderToSVGString()).replace(/^<svg\b/, `<svg role="img" aria-label="${escapeHtml(label)}"`);
  } finally {
    chart.dispose();
  }
}

/**
 * ECharts names the classes and ids of each SVG after counters of the process
 * (zr3-cls-17, zr3-c0): the same chart would differ from one run to the next,
 * and the classes of two charts in one page must not meet. Here they are
 * numbered in order of appearance and prefixed with the content's hash.
 */
function stableIds(svg: string): string {
  const renamed = new Map<string, string>();
  const counts = new Map<string, number>();
  const numbered = svg.replace(/\bzr\d+-([a-z]+-?)(\d+)\b/g, (token, kind: string) => {
    let name = renamed.get(token);
    if (!name) {
      const n = counts.get(kind) ?? 0;
      counts.set(kind, n + 1);
      name = `${kind}${n}`;
      renamed.set(token, name);
    }
    return `@@${name}`;
  });
  const prefix = `c${createHash('sha256').update(numbered).digest('hex').slice(0, 10)}-`;
  return numbered.replaceAll('@@', prefix);
}
