import type { CheckSeverity } from './check.types';
import { describePeerGroup, MIN_PEER_COUNT } from '../figures/peer-group';
import { BOUNDED_RATE_FIGURES, JUMP_MEASURES, PEER_WATCHED_CELLS, PLAUSIBILITY_PEER_GROUP, PLAUSIBILITY_THRESHOLDS } from './plausibility-thresholds.data';

const { jump: JUMP, rate: RATE, peerZero: PEER, peerUnprinted: UNPRINTED } = PLAUSIBILITY_THRESHOLDS;
const PEERS = describePeerGroup(PLAUSIBILITY_PEER_GROUP);

export interface CheckFamily {
  severity: CheckSeverity;
  /** What the family's checks require, in words. */
  rule: string;
}

/** Every family of consistency checks (the part of a check's id before the first `/`), with its rule. */
export const CHECK_FAMILIES: Readonly<Record<string, CheckFamily>> = {
  't3.rowTotal': { severity: 'ERROR', rule: 'each t3 row: total = naturalPerson + commercial + research + socialWelfare + legalServices + otherOrg' },
  't3.balance': { severity: 'ERROR', rule: 'each t3 column: new + carriedOver = resultsTotal + carriedForward' },
  't3.resultsSum': {
    severity: 'ERROR',
    rule: 'each t3 column: resultsTotal = granted + partiallyGranted + every denied.*, unable.*, notProcessed.* and other.* row (in the 2019 layout the one row other)',
  },
  't4.rowTotal': { severity: 'ERROR', rule: 'each t4 row: total = upheld + corrected + other + pending' },
  nonNegative: { severity: 'ERROR', rule: 'each table: every count is a whole number ≥ 0 (amounts may have decimals; the 2019 t2 change column may be negative)' },
  'crossYear.carryOver': { severity: 'ERROR', rule: "each t3 column: carriedOver = the previous year's report's carriedForward" },
  'crossYear.stock': { severity: 'WARNING', rule: "t2 regulations and normativeDocuments: inForce = the previous year's inForce + issued − repealed" },
  narrative: {
    severity: 'ERROR',
    rule: 'what the text of part 一 states (applications received, carried over, completed, carried forward, the completion rate, reviews, lawsuits) equals the tables',
  },
  completeness: { severity: 'WARNING', rule: 'all six parts are found; part 五 has text; part 六 mentions the charges the tables show' },
  generation: { severity: 'WARNING', rule: 'a report for 2021 or later is in the 2021 template (G3); one for 2019 or 2020 in G2 or G3' },
  'plausibility.jump': {
    severity: 'WARNING',
    rule: `${JUMP_MEASURES.join(', ')}: this year ÷ the previous year's report is at most ${JUMP.ratioAbove} and at least ${JUMP.ratioBelow}, judged when the previous year is ≥ ${JUMP.minPrevious}; not counted in failingChecks`,
  },
  'plausibility.rate': { severity: 'WARNING', rule: `the share figures (${BOUNDED_RATE_FIGURES.join(', ')}) are within [${RATE.min}, ${RATE.max}]; not counted in failingChecks` },
  'plausibility.peerZero': {
    severity: 'WARNING',
    rule: `a watched cell (${PEER_WATCHED_CELLS.join(', ')}) printed as 0 trips when the median of its peers (${PEERS}, at least ${MIN_PEER_COUNT} with a number) is > ${PEER.medianAbove}; computed on read, not counted in failingChecks`,
  },
  'plausibility.peerUnprinted': {
    severity: 'WARNING',
    rule: `a watched cell BLANK or NA trips when at least ${UNPRINTED.printedShareAtLeast * 100}% of its peers (${PEERS}, at least ${MIN_PEER_COUNT} reports) print a number; computed on read, not counted in failingChecks`,
  },
};

/** The families and their rules, for a description that stands on its own. */
export function describeCheckFamilies(): string {
  return Object.entries(CHECK_FAMILIES)
    .map(([family, { severity, rule }]) => `${family} (${severity}): ${rule}`)
    .join('; ');
}
