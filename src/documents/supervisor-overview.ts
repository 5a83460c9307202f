import type { GraphQLSchema } from 'graphql';
import { metricOf } from '../figures/metric-dictionary';
import { FIGURE_NAMES_ZH } from '../figures/metric-names.data';
import type { GatewayContext } from '../server/context';
import { documentShell } from './document-shell';
import { LEVEL_ZH } from './profile/profile-words.data';
import { escapeHtml } from './html-escape';
import { formatNumber, numberSpan } from './overview-format';
import { shapeOverview, type Overview, type OverviewRow } from './supervisor-overview-model';
import { loadOverviewData, OVERVIEW_DOCUMENT, rankKeyOf, type KeyFigure, type OverviewRequest } from './supervisor-overview-query';
import { distributionSection, failingSection, missingSection } from './supervisor-overview-sections';

/** The scope holds no agency: the parent named is not an agency (its subtree always holds itself), or no agency is in the region (a misspelt region would otherwise read as a scope where all is well). */
export class OverviewScopeNotFound extends Error {}

/** Runs the overview's document for the request and shapes its answer. */
export async function buildOverview(schema: GraphQLSchema, context: () => GatewayContext, request: OverviewRequest): Promise<Overview> {
  const data = await loadOverviewData(schema, context, request);
  if (data.agencies.length === 0) {
    const { parent, region } = request.scope;
    throw new OverviewScopeNotFound(parent !== undefined ? `no agency with id ${parent}` : `no agency in the region ${region} (a region is a path such as 河南省 or 河南省/驻马店市; agencies get theirs from \`agencies import\`)`);
  }
  return shapeOverview(request, data);
}

/** The scope in words: 河南省（含下辖地区） or 某某人民政府及其下属单位. */
export function scopeLabel(overview: Overview): string {
  const { scope } = overview.request;
  if (scope.region !== undefined) return `${scope.region}（含下辖地区）`;
  const root = overview.rows.find((row) => row.agency.id === scope.parent);
  return `${root?.agency.name ?? `单位 ${scope.parent}`}及其下属单位`;
}

/** The columns of the main table: a key figure and, where the document ranks it, its rank. */
const TABLE_FIGURES: KeyFigure[] = ['applicationsReceived', 'completionRate', 'disclosureRate', 'reviewCorrectionRate', 'litigationCorrectionRate'];

/** The supervisor's list (主管部门对标清单) as a complete HTML page, in Chinese. */
export function renderOverviewHtml(overview: Overview): string {
  const { request, rows, failing, missing } = overview;
  const title = `主管部门对标清单：${scopeLabel(overview)} ${request.year}年度`;
  const reported = rows.length - missing.length;
  const body = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>范围：${escapeHtml(scopeLabel(overview))}；年度：<span data-field="year" data-value="${request.year}">${request.year}</span>年。`,
    `范围内单位 ${numberSpan(rows.length, 'agencies', String)} 个，已发布年报 ${numberSpan(reported, 'reports', String)} 份，`,
    `缺报 ${numberSpan(missing.length, 'missing', String)} 个，检查未通过 ${numberSpan(failing.length, 'failingAgencies', String)} 个。</p>`,
    '<h2>各单位主要指标及排名</h2>',
    '<p class="muted">排名为范围内本年度各单位之间的名次，数值最高者为第1名，数值相同者按单位编号先后排列；无数值的单位不参与排名。比率以百分比显示。</p>',
    agencyTable(rows),
    distributionSection(overview),
    failingSection(overview),
    missingSection(overview),
    `<p class="muted">数据来源：本清单的每个数字均来自 GraphQL 查询 queries/${OVERVIEW_DOCUMENT}.graphql（变量 year=${request.year}，measure=${escapeHtml(request.measure)}）。</p>`,
  ].join('\n');
  return documentShell({ title, body, css: OVERVIEW_CSS });
}

const OVERVIEW_CSS = `
table.agencies col.name { width: 24%; }
table.agencies .rank { display: block; font-size: 8.5pt; color: #555; }
tr.missing td { color: #a00000; }
`;

function agencyTable(rows: OverviewRow[]): string {
  const head = [
    '<th scope="col">单位</th>',
    '<th scope="col">层级</th>',
    ...TABLE_FIGURES.map((figure) => `<th scope="col" class="num">${escapeHtml(FIGURE_NAMES_ZH[figure])}${rankKeyOf(figure) ? '<br>（排名）' : ''}</th>`),
    '<th scope="col" class="num">未通过检查</th>',
    '<th scope="col" class="num">合理性提示</th>',
  ].join('');
  const body = rows.map((row) => agencyRow(row)).join('\n');
  const cols = `<colgroup><col class="name"><col>${TABLE_FIGURES.map(() => '<col>').join('')}<col><col></colgroup>`;
  return `<table class="agencies">${cols}<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function agencyRow(row: OverviewRow): string {
  const { agency, report } = row;
  const name = `<th scope="row" data-agency="${escapeHtml(agency.id)}">${escapeHtml(agency.name)}${agency.region ? `<br><span class="mark muted">${escapeHtml(agency.region)}</span>` : ''}</th>`;
  const level = `<td>${escapeHtml(agency.level ? (LEVEL_ZH[agency.level] ?? agency.level) : '—')}</td>`;
  if (!report) return `<tr class="missing" data-agency="${escapeHtml(agency.id)}">${name}${level}<td colspan="${TABLE_FIGURES.length + 2}">缺报：无本年度年报</td></tr>`;
  const figures = TABLE_FIGURES.map((figure) => {
    const rank = rankKeyOf(figure);
    const value = numberSpan(report.figures[figure], figure, (v) => formatNumber(v, metricOf(figure).isRate));
    const ranked = rank ? `<span class="rank">${numberSpan(row.ranks[rank]?.rank, `${figure}.rank`, (v) => `第${v}名`)}</span>` : '';
    return `<td class="num">${value}${ranked}</td>`;
  });
  const failing = `<td class="num">${numberSpan(report.failingChecks, 'failingChecks', String)}</td>`;
  const warnings = `<td class="num">${numberSpan(report.plausibilityWarnings, 'plausibilityWarnings', String)}</td>`;
  return `<tr data-agency="${escapeHtml(agency.id)}" data-report="${escapeHtml(report.id)}">${name}${level}${figures.join('')}${failing}${warnings}</tr>`;
}
