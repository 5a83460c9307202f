import { barChart } from './charts/bar-chart';
import { escapeHtml } from './html-escape';
import { formatNumber, numberSpan } from './overview-format';
import { checkFamilyZh } from './profile/profile-words.data';
import type { Overview } from './supervisor-overview-model';

const SPREAD_STATISTICS = [
  ['count', '有数值的单位数'],
  ['min', '最小值'],
  ['p25', '第25百分位数'],
  ['median', '中位数'],
  ['p75', '第75百分位数'],
  ['max', '最大值'],
] as const;

/** The chosen measure over the scope: its quartiles, and each agency's value as a sorted bar chart. */
export function distributionSection(overview: Overview): string {
  const { measure, spread } = overview.data;
  const format = (v: number) => formatNumber(v, measure.isRate);
  const statistics = spread[0]?.values[0];
  const rows = SPREAD_STATISTICS.map(([key, label]) => {
    const value = statistics?.[key] ?? null;
    return `<tr><th scope="row">${label}</th><td class="num">${numberSpan(value, `spread.${key}`, key === 'count' ? String : format)}</td></tr>`;
  });
  const valued = overview.rows.filter((row) => row.measureValue !== null).sort((a, b) => b.measureValue! - a.measureValue! || a.agency.name.localeCompare(b.agency.name, 'zh-CN'));
  const unvalued = overview.rows.filter((row) => row.report !== null && row.measureValue === null);
  const name = `${measure.nameZh}（${measure.key}）`;
  const chart =
    valued.length === 0
      ? '<p>范围内没有单位有该指标的数值。</p>'
      : barChart({
          caption: `${name}：各单位数值，从高到低`,
          categoryHeading: '单位',
          categories: valued.map((row) => row.agency.name),
          series: { name: measure.nameZh, values: valued.map((row) => row.measureValue) },
          format,
          horizontal: true,
        });
  return [
    `<h2 id="distribution">${escapeHtml(name)}的分布</h2>`,
    `<table class="spread"><thead><tr><th scope="col">统计量（范围内各单位本年度年报）</th><th scope="col" class="num">${escapeHtml(measure.nameZh)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
    chart,
    unvalued.length > 0 ? `<p>已发布年报但无该指标数值的单位：${unvalued.map((row) => escapeHtml(row.agency.name)).join('、')}。</p>` : '',
  ].join('\n');
}

/** The agencies whose reports fail checks, the most failing first, then the same grouped by check family. */
export function failingSection(overview: Overview): string {
  const heading = '<h2 id="failing">检查未通过的单位</h2>';
  if (overview.failing.length === 0) return `${heading}\n<p>范围内本年度年报均通过一致性检查。</p>`;
  const worst = overview.failing.map(
    (row) => `<tr data-agency="${escapeHtml(row.agency.id)}"><th scope="row">${escapeHtml(row.agency.name)}</th><td class="num">${numberSpan(row.report!.failingChecks, 'failingChecks', String)}</td></tr>`,
  );
  const families = overview.families.map((group) => {
    const rows = group.agencies.map(
      ({ row, checks }) =>
        `<tr data-agency="${escapeHtml(row.agency.id)}"><th scope="row">${escapeHtml(row.agency.name)}</th><td class="num">${numberSpan(checks.length, 'familyFailing', String)}</td>` +
        `<td><ul>${checks.map((c) => `<li><code>${escapeHtml(c.id)}</code>：${escapeHtml(checkFamilyZh(c.rule))}<br><span class="muted">接口原文：${escapeHtml(c.message)}</span></li>`).join('')}</ul></td></tr>`,
    );
    return [
      `<h3 data-family="${escapeHtml(group.family)}">${escapeHtml(checkFamilyZh(group.family))}（${escapeHtml(group.family)}）：未通过 ${numberSpan(group.failing, 'familyFailingTotal', String)} 项</h3>`,
      `<table class="family"><colgroup><col style="width:28%"><col style="width:12%"><col></colgroup><thead><tr><th scope="col">单位</th><th scope="col" class="num">未通过项数</th><th scope="col">未通过的检查</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
    ].join('\n');
  });
  return [
    heading,
    '<p class="muted">未通过检查数即年报的 failingChecks（合理性提示不计在内），问题最多的单位在前；下按检查类别分组，未通过项数最多的类别在前。</p>',
    `<table class="worst"><thead><tr><th scope="col">单位</th><th scope="col" class="num">未通过检查数</th></tr></thead><tbody>${worst.join('')}</tbody></table>`,
    '<h3>按检查类别</h3>',
    ...families,
  ].join('\n');
}

/** The agencies in scope without a report for the year. */
export function missingSection(overview: Overview): string {
  const heading = `<h2 id="missing">缺报单位（${overview.request.year}年度）</h2>`;
  if (overview.missing.length === 0) return `${heading}\n<p>范围内各单位均已发布本年度年报。</p>`;
  const items = overview.missing.map((row) => `<li data-agency="${escapeHtml(row.agency.id)}">${escapeHtml(row.agency.name)}${row.agency.region ? `（${escapeHtml(row.agency.region)}）` : ''}</li>`);
  return `${heading}\n<ul class="missing">${items.join('')}</ul>`;
}
