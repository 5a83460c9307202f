import { describe, expect, it } from 'vitest';
import type { Check } from '../../src/checks/check.types';
import { peerChecks, type PeerCellStatistics } from '../../src/checks/plausibility-peer.checks';
import { jumpChecks } from '../../src/checks/plausibility.checks';
import type { CellFact, ReportFacts } from '../../src/checks/report-facts';
import { countFailing, countWarnings, runChecks } from '../../src/checks/run-checks';
import { BROKEN_VARIANTS, S001, S001_2022 } from '../helpers/broken-variants';
import { factsOf } from '../helpers/facts';
import { SAMPLE_FILES, sampleText } from '../helpers/fixtures';
import { previous2021Receiving } from '../helpers/plausibility-variants';

const plausibility = (checks: Check[]) => checks.filter((c) => c.id.startsWith('plausibility.'));
const PEERS = { peers: 'reports of the same year, the same level and the same template generation', minPeerCount: 5 };
const JUMP_RULE = '(rule: current ÷ previous > 5 or < 0.2 when previous ≥ 10)';

/** Facts holding only t3/new/total this year and last. */
function newTotals(previous: CellFact | undefined, current: CellFact | undefined): ReportFacts {
  const at = (fact: CellFact | undefined) => (address: string) => (address === 't3/new/total' ? fact : undefined);
  return { year: 2024, generation: 'G3', cell: at(current), sections: [], previous: { year: 2023, cell: at(previous) } };
}
const number = (value: number): CellFact => ({ value, status: value === 0 ? 'ZERO' : 'NUMBER' });
const jumpOf = (previous: CellFact | undefined, current: CellFact | undefined) => jumpChecks(newTotals(previous, current)).find((c) => c.id === 'plausibility.jump/t3/new/total')!;

describe('plausibility checks: quiet on the samples', () => {
  it.each(SAMPLE_FILES)('%s: every plausibility check passes (a rate with denominator 0 gets none, peers are judged on read)', (file) => {
    const checks = plausibility(runChecks(factsOf(sampleText(file)), true));
    expect(checks.filter((c) => c.status !== 'PASS')).toEqual([]);
    expect(checks.every((c) => c.severity === 'WARNING' && c.id.startsWith('plausibility.rate/'))).toBe(true);
  });

  it('the consistent 2022 variant against sample 001: 6 → 3 is not judged, the previous year is below 10', () => {
    const checks = plausibility(runChecks(factsOf(S001_2022, S001), true));
    expect(checks.filter((c) => c.status !== 'PASS')).toEqual([]);
    expect(checks.find((c) => c.id === 'plausibility.jump/t3/new/total')).toEqual({
      id: 'plausibility.jump/t3/new/total',
      rule: 'plausibility.jump',
      status: 'PASS',
      severity: 'WARNING',
      expected: 6,
      actual: 3,
      cells: ['2021:t3/new/total', 't3/new/total'],
      message: `t3/new/total was 6 in 2021, below 10: the rule does not judge a change from so few ${JUMP_RULE}`,
    });
  });
});

describe('plausibility.jump', () => {
  it('fires on a report whose applications fell from 16 to 3 (3 ÷ 16 = 0.1875 < 0.2), without changing failingChecks', () => {
    const checks = runChecks(factsOf(S001_2022, previous2021Receiving(16)), true);
    expect(checks.filter((c) => c.status !== 'PASS').map((c) => [c.id, c.status, c.expected, c.actual, c.message])).toEqual([
      ['plausibility.jump/t3/new/total', 'FAIL', 16, 3, `t3/new/total went from 16 (2021) to 3 (2022), 3 ÷ 16 = 0.188× ${JUMP_RULE}`],
    ]);
    expect([countFailing(checks), countWarnings(checks)]).toEqual([0, 1]);
  });

  it('15 → 3 is exactly 0.2: does not trip', () => {
    expect(plausibility(runChecks(factsOf(S001_2022, previous2021Receiving(15)), true)).filter((c) => c.status !== 'PASS')).toEqual([]);
  });

  it('boundaries: above 5 trips, exactly 5 does not; below 0.2 trips, exactly 0.2 does not; 10 is judged, 9 is not', () => {
    const statusOf = (previous: number, current: number) => jumpOf(number(previous), number(current)).status;
    expect([statusOf(10, 51), statusOf(10, 50), statusOf(10, 1), statusOf(10, 2), statusOf(9, 1000), statusOf(10, 0), statusOf(0, 100)]).toEqual(['FAIL', 'PASS', 'FAIL', 'PASS', 'PASS', 'FAIL', 'PASS']);
    expect(jumpOf(number(10), number(51)).message).toBe(`t3/new/total went from 10 (2023) to 51 (2024), 51 ÷ 10 = 5.1× ${JUMP_RULE}`);
    // A ratio just past a threshold never prints as the threshold itself.
    expect([jumpOf(number(1000), number(5004)), jumpOf(number(10000), number(1999))].map((c) => [c.status, c.message.split(', ')[1]])).toEqual([
      ['FAIL', '5004 ÷ 1000 = 5.004× (rule: current ÷ previous > 5 or < 0.2 when previous ≥ 10)'],
      ['FAIL', '1999 ÷ 10000 = 0.1999× (rule: current ÷ previous > 5 or < 0.2 when previous ≥ 10)'],
    ]);
    expect(jumpOf(number(9), number(1000)).message).toBe(`t3/new/total was 9 in 2023, below 10: the rule does not judge a change from so few ${JUMP_RULE}`);
  });

  it('the 洪泽区 jump 21 → 95 is 4.52×: quiet', () => {
    expect(jumpOf(number(21), number(95))).toMatchObject({ status: 'PASS', expected: 21, actual: 95, message: `t3/new/total went from 21 (2023) to 95 (2024), 95 ÷ 21 = 4.52× ${JUMP_RULE}` });
  });

  it('a value that is not a number is NOT_ASSESSABLE, naming it; no previous report, no check', () => {
    expect(jumpOf({ value: null, status: 'NA' }, number(40))).toMatchObject({ status: 'NOT_ASSESSABLE', expected: null, actual: null, message: 't3/new/total against 2023: 2023 t3/new/total is NA' });
    expect(jumpOf(number(40), { value: null, status: 'BLANK' }).message).toBe('t3/new/total against 2023: t3/new/total is BLANK');
    expect(jumpChecks({ ...newTotals(number(1), number(1)), previous: undefined })).toEqual([]);
  });
});

describe('plausibility.rate', () => {
  it('fires on the broken variants whose shares exceed 1, as a warning next to the arithmetic errors', () => {
    const rates = (family: string) => {
      const variant = BROKEN_VARIANTS.find((v) => v.family === family)!;
      return runChecks(factsOf(variant.text, variant.previous), true).filter((c) => c.id.startsWith('plausibility.rate/') && c.status === 'FAIL');
    };
    // Variant 1: t3/unable.notHeld/total printed 3 where its row adds to 1; the unable block is 3 + 0 + 0 of 2 decided.
    expect(rates('1. t3 row total')).toEqual([
      {
        id: 'plausibility.rate/unableRate',
        rule: 'plausibility.rate',
        status: 'FAIL',
        severity: 'WARNING',
        expected: null,
        actual: 1.5,
        cells: ['t3/unable.notHeld/total', 't3/unable.needsCreation/total', 't3/unable.unclear/total', 't3/resultsTotal/total'],
        message: 'unableRate is 3 ÷ 2 = 1.5, outside [0, 1] (rule: a share is between 0 and 1)',
      },
    ]);
    // Variant 3: 3 decided of 2 + 0 to handle.
    expect(rates('3. t3 results sum').map((c) => [c.id, c.actual, c.message])).toEqual([['plausibility.rate/completionRate', 1.5, 'completionRate is 3 ÷ 2 = 1.5, outside [0, 1] (rule: a share is between 0 and 1)']]);
  });

  it('disputeRate is left out (it may exceed 1); a rate whose input is not a number is NOT_ASSESSABLE', () => {
    const ids = runChecks(factsOf(S001_2022), true).map((c) => c.id);
    expect(ids).not.toContain('plausibility.rate/disputeRate');
    expect(ids).not.toContain('plausibility.rate/reportCompleteness');
    const lost = runChecks(factsOf(S001_2022.replace('(七) 总计\t\t3\t0\t0\t0\t0\t0\t3\t', '(七) 总计\t\t3\t0\t0\t0\t0\t0\t—\t')), true);
    expect(lost.find((c) => c.id === 'plausibility.rate/completionRate')).toMatchObject({ status: 'NOT_ASSESSABLE', actual: null, message: 'completionRate: input missing: t3/resultsTotal/total is NA' });
  });
});

describe('plausibility.peerZero and plausibility.peerUnprinted, over given peer statistics', () => {
  const cells: Record<string, CellFact> = { 't3/new/total': number(0), 't2/penalty/decisions': { value: null, status: 'NA' }, 't2/licensing/decisions': { value: null, status: 'BLANK' }, 't4/review/total': number(7) };
  const lookup = (address: string) => cells[address];
  const stats = (address: string, reports: number, printed: number, median: number | null): PeerCellStatistics => ({ address, reports, printed, median });

  it('a zero where the median of 37 peers is 412 trips; a median of exactly 100 does not', () => {
    expect(peerChecks(lookup, [stats('t3/new/total', 40, 37, 412)], PEERS)).toEqual([
      {
        id: 'plausibility.peerZero/t3/new/total',
        rule: 'plausibility.peerZero',
        status: 'FAIL',
        severity: 'WARNING',
        expected: 412,
        actual: 0,
        cells: ['t3/new/total'],
        message: 't3/new/total is 0 while the median of 37 reports of the same year, the same level and the same template generation is 412 (rule: median > 100)',
      },
    ]);
    expect(peerChecks(lookup, [stats('t3/new/total', 40, 37, 100)], PEERS)[0]).toMatchObject({
      status: 'PASS',
      message: 't3/new/total is 0 and the median of 37 reports of the same year, the same level and the same template generation is 100 (rule: median > 100)',
    });
    expect(peerChecks(lookup, [stats('t3/new/total', 40, 37, 100.5)], PEERS)[0]!.status).toBe('FAIL');
  });

  it('BLANK or NA where 4 of 5 peers (exactly 80%) print a number trips; 3 of 5 does not', () => {
    expect(peerChecks(lookup, [stats('t2/penalty/decisions', 5, 4, 30)], PEERS)).toEqual([
      {
        id: 'plausibility.peerUnprinted/t2/penalty/decisions',
        rule: 'plausibility.peerUnprinted',
        status: 'FAIL',
        severity: 'WARNING',
        expected: 0.8,
        actual: null,
        cells: ['t2/penalty/decisions'],
        message: 't2/penalty/decisions is NA while 4 of 5 reports of the same year, the same level and the same template generation print a number (80%) (rule: at least 80% print one)',
      },
    ]);
    expect(peerChecks(lookup, [stats('t2/licensing/decisions', 5, 3, 30)], PEERS)[0]).toMatchObject({ status: 'PASS', message: expect.stringContaining('t2/licensing/decisions is BLANK and 3 of 5') });
    // 8 of 10 is 80% too; 79 of 100 is not.
    expect(peerChecks(lookup, [stats('t2/licensing/decisions', 10, 8, 30), stats('t2/penalty/decisions', 100, 79, 30)], PEERS).map((c) => c.status)).toEqual(['FAIL', 'PASS']);
  });

  it('fewer peers than MIN_PEER_COUNT, a cell printed as a number, or no median: no check', () => {
    expect(peerChecks(lookup, [stats('t3/new/total', 10, 4, 500), stats('t2/penalty/decisions', 4, 4, 30), stats('t4/review/total', 40, 40, 500), stats('t3/new/total', 10, 0, null)], PEERS)).toEqual([]);
  });
});
