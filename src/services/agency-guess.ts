import type { AgencyLevel } from '../schema/enums';
import { DEPARTMENT_SUFFIXES, GOVERNING_SUFFIXES, GOVERNMENT_LEVELS, ZONE_WORDS } from '../template/agency-names.template';

/** The place a governing body's name names (驻马店经济开发区管委会 → 驻马店经济开发区), or undefined for other bodies. */
export function governedPlace(name: string): string | undefined {
  const suffix = GOVERNING_SUFFIXES.find((s) => name.endsWith(s) && name.length > s.length);
  return suffix ? name.slice(0, -suffix.length) : undefined;
}

/** The level a name implies, when it implies one. */
export function guessLevel(name: string): AgencyLevel | undefined {
  const place = governedPlace(name);
  if (place !== undefined) {
    if (ZONE_WORDS.some((word) => place.includes(word))) return 'DEVELOPMENT_ZONE';
    if (name.endsWith('人民政府')) return GOVERNMENT_LEVELS.find(([pattern]) => pattern.test(place))?.[1];
    return undefined;
  }
  return DEPARTMENT_SUFFIXES.some((s) => name.endsWith(s)) ? 'DEPARTMENT' : undefined;
}

/** Whether `child` is named as a body of the place `parent` governs (驻马店经济开发区统计局 under 驻马店经济开发区管委会). */
export function isNamedUnder(child: string, parent: string): boolean {
  const place = governedPlace(parent);
  return place !== undefined && child !== parent && child.startsWith(place) && governedPlace(child) !== place;
}
