import { renderSvg } from './render-svg';
import { chartFigure, type ChartSeries, type NumberFormat } from './chart-figure';

export interface LineChartInput {
  caption: string;
  /** The heading of the categories' column in the table (e.g. 年度). */
  categoryHeading: string;
  /** The x axis, e.g. the years. */
  categories: string[];
  series: ChartSeries[];
  format: NumberFormat;
  width?: number;
  height?: number;
}

/** A trend: one line per series over the categories, a null value left as a gap. */
export function lineChart(input: LineChartInput): string {
  const svg = renderSvg(
    {
      grid: { left: 56, right: 24, top: input.series.length > 1 ? 48 : 24, bottom: 32 },
      legend: input.series.length > 1 ? { top: 4, data: input.series.map((s) => s.name) } : undefined,
      xAxis: { type: 'category', data: input.categories, boundaryGap: false },
      yAxis: { type: 'value', axisLabel: { formatter: (value: number) => input.format(value) } },
      series: input.series.map((s) => ({
        type: 'line',
        name: s.name,
        data: s.values,
        connectNulls: false,
        symbolSize: 6,
        label: { show: true, formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? input.format(p.value) : '') },
      })),
    },
    input.caption,
    input.width,
    input.height,
  );
  return chartFigure(input.caption, svg, input.categoryHeading, input.categories, input.series, input.format);
}
