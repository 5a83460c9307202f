import { join } from 'node:path';
import { FIXTURES } from './fixtures';
import { loadCorpus, writeCorpus, type Corpus } from './corpus';
import { SAMPLE_SOURCES, type ReportSource, type TestGateway } from './gateway';

export const HONGZE = '洪泽区人民政府';
export const HONGZE_PDFS = [join(FIXTURES, 'pdf', 'hongze-2023.pdf'), join(FIXTURES, 'pdf', 'hongze-2024.pdf')];
export const DOCUMENT_SOURCES: ReportSource[] = [...SAMPLE_SOURCES, ...HONGZE_PDFS.map((file) => ({ file }))];

/** Six generated agencies with a report for each year 2020–2024, none damaged: five points on each trend, peers for the percentiles. */
export function fiveYearCorpus(): Promise<Corpus> {
  return writeCorpus({ agencies: 6, seed: 17, fromYear: 2020, toYear: 2024, damageRate: 0 });
}
export { loadCorpus };

/** What GraphQL answers for a report's key figures: the expectations a profile must show. */
export interface ProfileFacts {
  id: string;
  year: number;
  agency: string;
  applicationsReceived: number | null;
  completionNumerator: number | null;
  completionDenominator: number | null;
}

const FACTS = `query ($first: Int!) { reports(first: $first, orderBy: AGENCY_NAME) { edges { node {
  id year agency { name }
  applicationsReceived: figure(name: APPLICATIONS_RECEIVED) { value }
  completionRate: figure(name: COMPLETION_RATE) { numerator denominator }
} } } }`;

interface FactsAnswer {
  reports: { edges: { node: { id: string; year: number; agency: { name: string }; applicationsReceived: { value: number | null }; completionRate: { numerator: number | null; denominator: number | null } } }[] };
}

export async function profileFacts(gateway: TestGateway): Promise<ProfileFacts[]> {
  const { body } = await gateway.graphql<FactsAnswer>(FACTS, { first: 100 });
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data.reports.edges.map(({ node }) => ({
    id: node.id,
    year: node.year,
    agency: node.agency.name,
    applicationsReceived: node.applicationsReceived.value,
    completionNumerator: node.completionRate.numerator,
    completionDenominator: node.completionRate.denominator,
  }));
}

/** The completion rate as a person writes it from GraphQL's numerator and denominator: a percentage with one decimal. */
export function completionRateText(facts: ProfileFacts): string | undefined {
  if (!facts.completionDenominator || facts.completionNumerator === null) return undefined;
  return `${((facts.completionNumerator / facts.completionDenominator) * 100).toFixed(1)}%`;
}

/** The province (first part of a region path) holding the most agencies: the scope of an overview that lists several. */
export async function busiestProvince(gateway: TestGateway): Promise<string> {
  const { body } = await gateway.graphql<{ agencies: { edges: { node: { region: string | null } }[] } }>('{ agencies(first: 100) { edges { node { region } } } }');
  const provinces = new Map<string, number>();
  for (const { node } of body.data!.agencies.edges) if (node.region) provinces.set(node.region.split('/')[0]!, (provinces.get(node.region.split('/')[0]!) ?? 0) + 1);
  return [...provinces].sort((a, b) => b[1] - a[1])[0]![0];
}
