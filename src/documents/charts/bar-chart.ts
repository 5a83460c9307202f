import { renderSvg } from './render-svg';
import { chartFigure, type ChartSeries, type NumberFormat } from './chart-figure';

export interface BarChartInput {
  caption: string;
  /** The heading of the categories' column in the table (e.g. 单位 or 区间). */
  categoryHeading: string;
  /** One bar per category: agencies, or the bins of a histogram. */
  categories: string[];
  series: ChartSeries;
  format: NumberFormat;
  /** Bars lying along the y axis (long category names, e.g. agencies). */
  horizontal?: boolean;
  width?: number;
  height?: number;
}

/** A distribution: one bar per category (a histogram when the categories are bins); a null value draws no bar. */
export function barChart(input: BarChartInput): string {
  const categoryAxis = { type: 'category' as const, data: input.categories, axisLabel: { interval: 0, hideOverlap: true } };
  const valueAxis = { type: 'value' as const, axisLabel: { formatter: (value: number) => input.format(value) } };
  const height = input.height ?? (input.horizontal ? Math.max(160, 40 + 22 * input.categories.length) : undefined);
  const svg = renderSvg(
    {
      grid: { left: input.horizontal ? 160 : 56, right: 48, top: 16, bottom: 32, containLabel: false },
      xAxis: input.horizontal ? valueAxis : categoryAxis,
      yAxis: input.horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
      series: [
        {
          type: 'bar',
          name: input.series.name,
          data: input.series.values,
          barMaxWidth: 40,
          label: { show: true, position: input.horizontal ? 'right' : 'top', formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? input.format(p.value) : '') },
        },
      ],
    },
    input.caption,
    input.width,
    height,
  );
  return chartFigure(input.caption, svg, input.categoryHeading, input.categories, [input.series], input.format);
}
