import type { Role } from './api-keys';

/** The role each mutation needs; a test checks that every mutation of the schema is here. */
export const MUTATION_ROLES = {
  correctCells: 'editor',
  reviewCheck: 'editor',
  ingestReport: 'admin',
  deleteReport: 'admin',
  setAgencyMetadata: 'admin',
  activateVersion: 'admin',
  rollbackBatch: 'admin',
} as const satisfies Record<string, Role>;

export type MutationName = keyof typeof MUTATION_ROLES;

export function isMutationName(name: string): name is MutationName {
  return Object.hasOwn(MUTATION_ROLES, name);
}
