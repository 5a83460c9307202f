import type { AgencyLevel } from '../schema/enums';
import type { SeededRandom } from './seeded-random';

export interface CorpusAgency {
  name: string;
  region: string;
  level: AgencyLevel;
  parent: string | null;
  /** How busy its disclosure desk is: 0 quiet … 3 thousands of applications. */
  activity: 0 | 1 | 2 | 3;
}

const PROVINCES = ['河南省', '山西省', '湖北省', '河北省', '安徽省'];
const PLACE_CHARS = '安平阳山河源新宁城泉兴丰宝德庆华林江清远昌乐永和长武文嘉金石福同信义方临汝济光明正通'.split('');
const DEPARTMENTS = ['统计局', '教育局', '财政局', '招商局', '自然资源局', '生态环境局', '住房和城乡建设局', '交通运输局', '农业农村局', '卫生健康委员会', '市场监督管理局', '人力资源和社会保障局', '民政局', '应急管理局', '商务局', '审计局'];
const GOVERNMENT_SHARE = 1 / 6;

/**
 * Agencies in families: a governing body (a county government or a
 * development zone's 管委会) and departments named after its place, so that
 * ingest can guess the hierarchy from names as it does for real reports.
 */
export function corpusAgencies(count: number, random: SeededRandom): CorpusAgency[] {
  const agencies: CorpusAgency[] = [];
  const usedPlaces = new Set<string>();
  while (agencies.length < count) {
    const province = random.pick(PROVINCES);
    const city = `${placeName(random)}市`;
    const zone = random.chance(0.3);
    const place = zone ? `${city.slice(0, -1)}${placeName(random)}经济开发区` : `${placeName(random)}${random.pick(['县', '区'])}`;
    if (usedPlaces.has(place)) continue;
    usedPlaces.add(place);
    const region = zone ? `${province}/${city}` : `${province}/${city}/${place}`;
    const governing = zone ? `${place}管委会` : `${place}人民政府`;
    agencies.push({ name: governing, region, level: zone ? 'DEVELOPMENT_ZONE' : 'COUNTY', parent: null, activity: activity(random, 1) });
    const departments = Math.max(1, Math.round(1 / GOVERNMENT_SHARE - 1 + random.int(-2, 2)));
    for (const department of shuffled(DEPARTMENTS, random).slice(0, departments)) {
      if (agencies.length >= count) break;
      agencies.push({ name: `${place}${department}`, region, level: 'DEPARTMENT', parent: governing, activity: activity(random, 0) });
    }
  }
  return agencies.slice(0, count);
}

function placeName(random: SeededRandom): string {
  return `${random.pick(PLACE_CHARS)}${random.pick(PLACE_CHARS)}`;
}

/** Most agencies get no or few applications; a few get thousands. */
function activity(random: SeededRandom, bias: number): CorpusAgency['activity'] {
  const draw = random.float() + bias * 0.1;
  return draw < 0.45 ? 0 : draw < 0.88 ? 1 : draw < 0.98 ? 2 : 3;
}

function shuffled<T>(items: readonly T[], random: SeededRandom): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
