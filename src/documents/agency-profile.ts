import type { GraphQLSchema } from 'graphql';
import type { PreparedDocument } from '../extract/prepare-document';
import type { GatewayContext } from '../server/context';
import { documentShell } from './document-shell';
import { escapeHtml } from './html-escape';
import { appendixSection } from './profile/profile-appendix';
import { checksSection } from './profile/profile-checks';
import type { ProfileData, ProfileReport } from './profile/profile-data';
import { keyFiguresSection, peersSection } from './profile/profile-figures';
import { tablesSection } from './profile/profile-tables';
import { trendsSection } from './profile/profile-trends';
import { FORMAT_ZH, GENERATION_ZH, LEVEL_ZH } from './profile/profile-words.data';
import { runDocumentQuery } from './run-document-query';

/** The document of queries/ the profile is built from. */
export const AGENCY_PROFILE_DOCUMENT = 'agency-profile';

/** No report with that id. */
export class ProfileNotFoundError extends Error {}

function headerHtml(report: ProfileReport): string {
  const agency = report.agency;
  const facts: [string, string][] = [
    ['单位', agency.fullName && agency.fullName !== agency.name ? `${agency.name}（${agency.fullName}）` : agency.name],
    ['地区', agency.region ?? '未注明'],
    ['级别', agency.level ? (LEVEL_ZH[agency.level] ?? agency.level) : '未注明'],
    ['年度', String(report.year)],
    ['报告标题', report.title],
    ['模板', GENERATION_ZH[report.generation] ?? report.generation],
    ['来源文件', `${report.sourceFile ?? '未注明'}（${FORMAT_ZH[report.sourceFormat] ?? report.sourceFormat}）`],
    ...(report.publishedAt ? [['发布日期', report.publishedAt] as [string, string]] : []),
  ];
  return [
    `<h1>${escapeHtml(agency.name)} ${escapeHtml(report.year)} 年度政府信息公开画像</h1>`,
    `<table class="facts" data-report="${escapeHtml(report.id)}"><colgroup><col style="width:20%"><col></colgroup><tbody>`,
    ...facts.map(([label, value]) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`),
    '</tbody></table>',
  ].join('\n');
}

/** The agency profile (单位年度画像) as a complete HTML page, from the answer of queries/agency-profile.graphql only. */
export function renderAgencyProfile(data: ProfileData): string {
  const report = data.report;
  if (!report) throw new ProfileNotFoundError('no report');
  const body = [
    headerHtml(report),
    keyFiguresSection(data, report),
    trendsSection(data, report),
    tablesSection(report),
    peersSection(data, report),
    checksSection(report),
    appendixSection(data, report.applicationsReceivedAmongPeers.peers),
  ].join('\n');
  return documentShell({ title: `${report.agency.name} ${report.year} 年度政府信息公开画像`, body });
}

export interface AgencyProfileRun {
  schema: GraphQLSchema;
  context: GatewayContext;
  reportId: string;
  /** The document prepared once (a server); by default read from queries/. */
  document?: PreparedDocument;
}

/** Runs queries/agency-profile.graphql for a report and renders its profile; ProfileNotFoundError when there is no such report. */
export async function buildAgencyProfile(run: AgencyProfileRun): Promise<string> {
  const data = await runDocumentQuery<ProfileData>({ schema: run.schema, document: run.document ?? AGENCY_PROFILE_DOCUMENT, variables: { reportId: run.reportId }, context: run.context });
  if (!data.report) throw new ProfileNotFoundError(`no report with id ${run.reportId}`);
  return renderAgencyProfile(data);
}
