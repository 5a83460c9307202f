/** Which traits a report's peers share with it. The group always includes the report itself. */
export interface PeerGroup {
  sameYear: boolean;
  sameLevel: boolean;
  sameRegion: boolean;
  sameParent: boolean;
  sameGeneration: boolean;
}

export type PeerTrait = keyof PeerGroup;

/** What each trait compares, as it reads in a message. */
export const PEER_TRAIT_NOUNS: Readonly<Record<PeerTrait, string>> = {
  sameYear: 'year',
  sameLevel: 'level',
  sameRegion: 'region',
  sameParent: 'parent agency',
  sameGeneration: 'template generation',
};

/** Fewer reports with a value than this, and a peer statistic is not given (a reason says why). */
export const MIN_PEER_COUNT = 5;

export function traitsOf(group: PeerGroup): PeerTrait[] {
  return (Object.keys(PEER_TRAIT_NOUNS) as PeerTrait[]).filter((trait) => group[trait]);
}

/** "reports of the same year and the same level", or "all reports" for an empty group. */
export function describePeerGroup(group: PeerGroup): string {
  const words = traitsOf(group).map((trait) => `the same ${PEER_TRAIT_NOUNS[trait]}`);
  if (words.length === 0) return 'all reports';
  return `reports of ${words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`}`;
}

/** A stable key for batching: reports asking the same measure of the same group share one statement. */
export function peerGroupKey(group: PeerGroup): string {
  return traitsOf(group).join('+') || 'all';
}
