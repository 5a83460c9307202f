import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { barChart } from '../../src/documents/charts/bar-chart';
import { lineChart } from '../../src/documents/charts/line-chart';

const { findAll, findOne, getAttributeValue, textContent } = DomUtils;
const percent = (v: number) => `${(v * 100).toFixed(1)}%`;

describe('charts rendered on the server as SVG', () => {
  it('a line chart: an SVG labelled for screen readers, and its numbers as a table', () => {
    const html = lineChart({ caption: '本年新收申请', categoryHeading: '年度', categories: ['2022', '2023', '2024'], series: [{ name: '件数', values: [null, 21, 95], reasons: ['no report for 2022'] }], format: String });
    const dom = parseDocument(html);
    const svg = findOne((e) => e.name === 'svg', dom.children)!;
    expect(getAttributeValue(svg, 'role')).toBe('img');
    expect(getAttributeValue(svg, 'aria-label')).toBe('本年新收申请');
    expect(textContent(findOne((e) => e.name === 'figcaption', dom.children)!)).toBe('本年新收申请');
    const cells = findAll((e) => e.name === 'td', dom.children);
    expect(cells.map((c) => getAttributeValue(c, 'data-value') ?? null)).toEqual([null, '21', '95']);
    expect(textContent(cells[0]!)).toContain('no report for 2022');
    // The points are drawn: the labels 21 and 95 are in the SVG's text.
    expect(textContent(svg)).toContain('95');
  });

  it('a bar chart keeps exact values in data-value and shows them rounded', () => {
    const html = barChart({ caption: '办结率', categoryHeading: '单位', categories: ['甲', '乙'], series: { name: '办结率', values: [2 / 3, null] }, format: percent, horizontal: true });
    const dom = parseDocument(html);
    const cells = findAll((e) => e.name === 'td', dom.children);
    expect(getAttributeValue(cells[0]!, 'data-value')).toBe(String(2 / 3));
    expect(textContent(cells[0]!)).toBe('66.7%');
    expect(findAll((e) => e.name === 'svg', dom.children)).toHaveLength(1);
  });

  it('the same chart renders to the same SVG in any run; two charts of a page share no class name', () => {
    const chart = (values: number[]) => lineChart({ caption: '趋势', categoryHeading: '年度', categories: ['2023', '2024'], series: [{ name: '件数', values }], format: String });
    const first = chart([21, 95]);
    const other = chart([1, 2]);
    expect(chart([21, 95])).toBe(first);
    const classes = (html: string) => new Set([...html.matchAll(/class="([^"]+)"/g)].map((m) => m[1]));
    const shared = [...classes(first)].filter((name) => classes(other).has(name) && /cls/.test(name!));
    expect(shared).toEqual([]);
    expect(first).not.toMatch(/zr\d+-/);
  });
});
