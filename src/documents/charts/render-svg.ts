import * as echarts from 'echarts';
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
    const svg = chart.renderToSVGString();
    return svg.replace(/^<svg\b/, `<svg role="img" aria-label="${escapeHtml(label)}"`);
  } finally {
    chart.dispose();
  }
}
