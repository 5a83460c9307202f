import { familyOf, type Check } from './check.types';
import { PLAUSIBILITY_THRESHOLDS } from './plausibility-thresholds.data';
import type { CellLookup } from './report-facts';

/** One watched cell over a report's peer group (the report included). */
export interface PeerCellStatistics {
  address: string;
  /** Peer reports that have the cell (any status). */
  reports: number;
  /** Of those, the ones that print a number (NUMBER or ZERO). */
  printed: number;
  /** Median of the printed numbers (PERCENTILE.INC at 0.5); null when none is printed. */
  median: number | null;
}

export interface PeerContext {
  /** The peer group in words, e.g. `reports of the same year and the same level`. */
  peers: string;
  /** Fewer peers than this, and the rule is not judged: the report gets no check. */
  minPeerCount: number;
}

const { peerZero: ZERO, peerUnprinted: UNPRINTED } = PLAUSIBILITY_THRESHOLDS;

/** Whether a zero trips peerZero: its peers' median is above the threshold. The filter's SQL states the same. */
export function peerZeroTrips(median: number): boolean {
  return median > ZERO.medianAbove;
}

/** Whether a BLANK or NA cell trips peerUnprinted: enough of its peers print a number. The filter's SQL states the same. */
export function peerUnprintedTrips(printed: number, reports: number): boolean {
  return printed >= UNPRINTED.printedShareAtLeast * reports;
}

/**
 * A watched cell printed as 0 against its peers' median (plausibility.peerZero),
 * and a watched cell BLANK or NA against the share of peers that print it
 * (plausibility.peerUnprinted). Only cells the rule is about get a check, and
 * only when the group has enough peers.
 */
export function peerChecks(cell: CellLookup, statistics: readonly PeerCellStatistics[], context: PeerContext): Check[] {
  return statistics.flatMap((stats): Check[] => {
    const own = cell(stats.address);
    if (own?.status === 'ZERO' && stats.median !== null && stats.printed >= context.minPeerCount) {
      const id = `plausibility.peerZero/${stats.address}`;
      const trips = peerZeroTrips(stats.median);
      const median = Number(stats.median.toFixed(2));
      return [
        {
          id,
          rule: familyOf(id),
          severity: 'WARNING',
          status: trips ? 'FAIL' : 'PASS',
          expected: stats.median,
          actual: 0,
          cells: [stats.address],
          message: `${stats.address} is 0 ${trips ? 'while' : 'and'} the median of ${stats.printed} ${context.peers} is ${median} (rule: median > ${ZERO.medianAbove})`,
        },
      ];
    }
    if ((own?.status === 'BLANK' || own?.status === 'NA') && stats.reports >= context.minPeerCount) {
      const id = `plausibility.peerUnprinted/${stats.address}`;
      const trips = peerUnprintedTrips(stats.printed, stats.reports);
      const share = stats.printed / stats.reports;
      return [
        {
          id,
          rule: familyOf(id),
          severity: 'WARNING',
          status: trips ? 'FAIL' : 'PASS',
          expected: share,
          actual: null,
          cells: [stats.address],
          message: `${stats.address} is ${own.status} ${trips ? 'while' : 'and'} ${stats.printed} of ${stats.reports} ${context.peers} print a number (${Math.round(share * 100)}%) (rule: at least ${UNPRINTED.printedShareAtLeast * 100}% print one)`,
        },
      ];
    }
    return [];
  });
}
