import { In, IsNull, Like, type EntityManager } from 'typeorm';
import { Agency } from '../entities/agency.entity';
import { badUserInput } from '../errors/bad-user-input';
import type { AgencyLevel } from '../schema/enums';
import { GOVERNING_SUFFIXES, localNameOf } from '../template/agency-names.template';
import { agenciesNamed } from './agency-names.service';
import { governedPlace, guessLevel, isNamedUnder } from './agency-guess';
import { bumpDataVersion } from './data-version.service';

export interface AgencyMetadata {
  fullName?: string | null;
  shortName?: string | null;
  region?: string | null;
  level?: AgencyLevel | null;
  /** undefined: unchanged; null: no parent. */
  parentId?: number | null;
}

/** Sets what is given (null clears it); moving an agency moves its whole subtree. */
export async function setAgencyMetadata(manager: EntityManager, agency: Agency, metadata: AgencyMetadata): Promise<Agency> {
  const { parentId, ...fields } = metadata;
  const changes = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  if (changes.region !== undefined && changes.region !== null) changes.region = normalizeRegion(String(changes.region));
  if (Object.keys(changes).length > 0) await manager.update(Agency, { id: agency.id }, changes);
  if (parentId !== undefined && parentId !== agency.parentId) await moveAgency(manager, agency, parentId);
  await bumpDataVersion(manager);
  return manager.findOneByOrFail(Agency, { id: agency.id });
}

/** 河南省 / 驻马店市 → 河南省/驻马店市: a region is a path from province down. */
export function normalizeRegion(region: string): string | null {
  const parts = region.split('/').map((p) => p.trim()).filter((p) => p !== '');
  return parts.length > 0 ? parts.join('/') : null;
}

async function moveAgency(manager: EntityManager, agency: Agency, parentId: number | null): Promise<void> {
  let newPath = '/';
  if (parentId !== null) {
    const parent = await manager.findOneBy(Agency, { id: parentId });
    if (!parent) throw badUserInput(`parent ${parentId} does not exist`, 'parentId');
    if (parent.id === agency.id || parent.path.includes(`/${agency.id}/`)) {
      throw badUserInput(`${parent.name} is ${agency.name} itself or under it: an agency cannot be its own ancestor`, 'parentId');
    }
    newPath = `${parent.path}${parent.id}/`;
  }
  const oldPrefix = `${agency.path}${agency.id}/`;
  const newPrefix = `${newPath}${agency.id}/`;
  await manager.update(Agency, { id: agency.id }, { parentId, path: newPath });
  await manager
    .createQueryBuilder()
    .update(Agency)
    .set({ path: () => `:newPrefix || substr(path, ${oldPrefix.length + 1})` })
    .where('path LIKE :pattern', { pattern: `${oldPrefix}%` })
    .setParameter('newPrefix', newPrefix)
    .execute();
}

/**
 * What the names tell about a newly seen agency: its level, its governing body
 * (驻马店经济开发区统计局 under 驻马店经济开发区管委会), and, for a governing
 * body, the agencies of its place still without a parent. Fills only what is unset.
 */
export async function guessFromName(manager: EntityManager, agency: Agency): Promise<void> {
  const level = agency.level ?? guessLevel(agency.name) ?? null;
  if (level !== agency.level) await manager.update(Agency, { id: agency.id }, { level });
  if (agency.parentId === null) {
    // The bodies that could govern it are named by a prefix of its name plus a governing suffix: look those names up.
    const names = [...agency.name].flatMap((_, i) => GOVERNING_SUFFIXES.map((suffix) => agency.name.slice(0, i + 1) + suffix));
    const governing = await manager.find(Agency, { where: { name: In(names) } });
    const parent = governing
      .filter((candidate) => isNamedUnder(agency.name, candidate.name) && !candidate.path.includes(`/${agency.id}/`))
      .sort((a, b) => b.name.length - a.name.length)[0];
    if (parent) await moveAgency(manager, agency, parent.id);
  }
  const place = governedPlace(agency.name);
  if (place === undefined) return;
  const orphans = await manager.find(Agency, { where: { parentId: IsNull(), name: Like(`${place}%`) } });
  for (const orphan of orphans.filter((o) => isNamedUnder(o.name, agency.name))) {
    const current = await manager.findOneByOrFail(Agency, { id: orphan.id });
    const self = await manager.findOneByOrFail(Agency, { id: agency.id });
    if (!self.path.includes(`/${current.id}/`)) await moveAgency(manager, current, agency.id);
  }
}

/**
 * The agency a title names: the one any of its names finds (agenciesNamed).
 * A name printed with its region in front and the same name without it are
 * one agency, under the shorter name (the longer kept as its full name),
 * whichever report comes first; when the name fits several stored agencies
 * equally (鼓楼区 of two cities), a new one is made.
 */
export async function findOrCreateAgency(manager: EntityManager, name: string): Promise<Agency> {
  const { agencies, match } = await agenciesNamed(manager, name);
  if (agencies.length === 1) {
    const [agency] = agencies as [Agency];
    if (match === 'WITHOUT_REGION' && agency.fullName === null) await manager.update(Agency, { id: agency.id }, { fullName: name });
    else if (match === 'WITH_REGION') await manager.update(Agency, { id: agency.id }, { name, fullName: agency.fullName ?? agency.name });
    else return agency;
    return manager.findOneByOrFail(Agency, { id: agency.id });
  }
  const id = (await manager.insert(Agency, { name, localName: localNameOf(name) })).identifiers[0]!.id as number;
  await guessFromName(manager, await manager.findOneByOrFail(Agency, { id }));
  return manager.findOneByOrFail(Agency, { id });
}
