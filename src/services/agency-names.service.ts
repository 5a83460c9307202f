import { type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { Agency } from '../entities/agency.entity';
import { badUserInput } from '../errors/bad-user-input';
import { localNameOf, namesWithoutRegion } from '../template/agency-names.template';

/** The columns holding the names an agency is known by: the name its reports are filed under, its full name, its short name. */
const NAME_COLUMNS = ['name', 'full_name', 'short_name'] as const;

/** How a name found an agency, closest first. */
export type NameMatch = 'NAME' | 'FULL_NAME' | 'SHORT_NAME' | 'WITHOUT_REGION' | 'WITH_REGION';

export interface AgenciesNamed {
  /** The agencies the name fits equally well: none, one, or several (a name two agencies share). */
  agencies: Agency[];
  match: NameMatch | null;
}

/** Narrows a query over `agency` to agencies one of whose names contains `part`. */
export function whereSomeNameContains<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, part: string): SelectQueryBuilder<T> {
  const someName = NAME_COLUMNS.map((column) => `agency.${column} LIKE :agencyNamePart ESCAPE '\\'`).join(' OR ');
  return query.andWhere(`(${someName})`, { agencyNamePart: `%${escapeLike(part)}%` });
}

/**
 * The agencies an exact name finds, as ingest files a report under it: its
 * name, else its full name, else its short name, else the name without the
 * region printed in front (淮安市洪泽区人民政府 → 洪泽区人民政府), else a stored
 * name with a region in front of this one. One statement for the name
 * itself (indexed), a second for any other.
 */
export async function agenciesNamed(manager: EntityManager, name: string): Promise<AgenciesNamed> {
  // Names are unique, so the name itself is the one closest match: one indexed lookup for what ingest meets nearly always.
  const named = await manager.findOne(Agency, { where: { name } });
  if (named) return { agencies: [named], match: 'NAME' };
  const withoutRegion = namesWithoutRegion(name);
  const candidates = await manager
    .createQueryBuilder(Agency, 'agency')
    .where('agency.name IN (:...names) OR agency.full_name = :name OR agency.short_name = :name OR agency.local_name = :localName', {
      names: [name, ...withoutRegion],
      name,
      localName: localNameOf(name),
    })
    .getMany();
  const ranked = candidates
    .map((agency) => ({ agency, rank: rankOf(agency, name, withoutRegion) }))
    .filter((c): c is { agency: Agency; rank: { match: NameMatch; order: number } } => c.rank !== undefined);
  const best = Math.min(...ranked.map((c) => c.rank.order));
  const closest = ranked.filter((c) => c.rank.order === best).sort((a, b) => a.agency.id - b.agency.id);
  return { agencies: closest.map((c) => c.agency), match: closest[0]?.rank.match ?? null };
}

/** The one agency an exact name finds, or null; a name that fits several agencies equally is refused, naming them. */
export async function findAgencyNamed(manager: EntityManager, name: string, field = 'name'): Promise<Agency | null> {
  const { agencies } = await agenciesNamed(manager, name);
  if (agencies.length > 1) throw badUserInput(`"${name}" names ${agencies.length} agencies (${agencies.map((a) => a.name).join(', ')}): ask by id or by another name`, field);
  return agencies[0] ?? null;
}

function rankOf(agency: Agency, name: string, withoutRegion: string[]): { match: NameMatch; order: number } | undefined {
  if (agency.name === name) return { match: 'NAME', order: 0 };
  if (agency.fullName === name) return { match: 'FULL_NAME', order: 1 };
  if (agency.shortName === name) return { match: 'SHORT_NAME', order: 2 };
  // Longest first: 淮安市洪泽区人民政府 before 洪泽区人民政府 for 江苏省淮安市洪泽区人民政府.
  const shorter = withoutRegion.indexOf(agency.name);
  if (shorter >= 0) return { match: 'WITHOUT_REGION', order: 3 + shorter / (withoutRegion.length + 1) };
  if (namesWithoutRegion(agency.name).includes(name)) return { match: 'WITH_REGION', order: 4 };
  return undefined;
}

/** `%` and `_` in a searched text match literally (with `ESCAPE '\'`, on SQLite and PostgreSQL alike). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
