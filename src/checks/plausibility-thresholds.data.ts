import { FIGURE_NAMES, isRateFigure, type FigureName } from '../figures/figure-definitions';
import type { PeerGroup } from '../figures/peer-group';

/**
 * The plausibility checks' thresholds and watched cells, as data (docs/checks.md,
 * "Plausibility"). A plausibility check is a signal for a person to look at, not an
 * arithmetic error: it never counts towards failingChecks.
 */
export const PLAUSIBILITY_THRESHOLDS = {
  jump: {
    /** current ÷ previous above this trips (exactly 5 does not). */
    ratioAbove: 5,
    /** current ÷ previous below this trips (exactly 0.2 does not). */
    ratioBelow: 0.2,
    /** The rule judges only when the previous year's value is at least this. */
    minPrevious: 10,
  },
  rate: { min: 0, max: 1 },
  peerZero: {
    /** A cell printed as 0 trips when its peers' median is above this (exactly 100 does not). */
    medianAbove: 100,
  },
  peerUnprinted: {
    /** A BLANK or NA cell trips when at least this share of its peers print a number (NUMBER or ZERO). */
    printedShareAtLeast: 0.8,
  },
} as const;

/**
 * The cells whose year-over-year change is judged: applications received, and
 * the three t4 case totals (reviews, lawsuits directly and after review). They
 * are counts an agency does not choose, so a fivefold change is more often a
 * misprint or a cell in the wrong row than a real change. The rest of t3 follows
 * from new (and carriedOver is checked exactly by crossYear.carryOver).
 */
export const JUMP_MEASURES: readonly string[] = ['t3/new/total', 't4/review/total', 't4/litigationDirect/total', 't4/litigationAfterReview/total'];

/**
 * The rate figures the rate rule leaves out: disputeRate (reviews and lawsuits
 * per decided application — an agency may have more cases than decisions) and
 * reportCompleteness (computed from what was read, always within [0, 1]).
 */
export const UNBOUNDED_RATE_FIGURES: readonly FigureName[] = ['disputeRate', 'reportCompleteness'];

/**
 * Every other rate figure is a share of a whole, so a value outside [0, 1] cannot
 * be right: each numerator counts part of what its denominator counts (when the
 * table's identities hold).
 */
export const BOUNDED_RATE_FIGURES: readonly FigureName[] = FIGURE_NAMES.filter((name) => isRateFigure(name) && !UNBOUNDED_RATE_FIGURES.includes(name));

/**
 * The cells compared with their peers: the totals most reports print a number
 * for — the t3 total column of applications received, granted, decided and
 * carried forward, the three t4 case totals, and the t2 counts of decisions and
 * normative documents in force. Ten cells, so the peer statistics stay one cheap
 * grouped statement.
 */
export const PEER_WATCHED_CELLS: readonly string[] = [
  't3/new/total',
  't3/granted/total',
  't3/resultsTotal/total',
  't3/carriedForward/total',
  't4/review/total',
  't4/litigationDirect/total',
  't4/litigationAfterReview/total',
  't2/normativeDocuments/inForce',
  't2/licensing/decisions',
  't2/penalty/decisions',
];

/** Who a report's peers are for the peer rules: reports of the same year, level and template generation. */
export const PLAUSIBILITY_PEER_GROUP: Readonly<PeerGroup> = { sameYear: true, sameLevel: true, sameRegion: false, sameParent: false, sameGeneration: true };
