import type { PeerTrait } from '../figures/peer-group';

/** The SQL column each peer trait compares, over `report` joined to `agency`. */
export const PEER_TRAIT_COLUMNS: Readonly<Record<PeerTrait, string>> = {
  sameYear: 'report.year',
  sameLevel: 'agency.level',
  sameRegion: 'agency.region',
  sameParent: 'agency.parent_id',
  sameGeneration: 'report.generation',
};
