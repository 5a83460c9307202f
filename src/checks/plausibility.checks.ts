import { computeFigure, figureInputOf } from '../figures/compute-figures';
import { linearFigures } from '../figures/figure-definitions';
import { familyOf, type Check } from './check.types';
import { BOUNDED_RATE_FIGURES, JUMP_MEASURES, PLAUSIBILITY_THRESHOLDS } from './plausibility-thresholds.data';
import { describeUnread, numberAt, type ReportFacts } from './report-facts';

/** Every plausibility family's id starts so: `plausibility.jump/…`, `plausibility.rate/…`, `plausibility.peerZero/…`, `plausibility.peerUnprinted/…`. */
const PLAUSIBILITY_PREFIX = 'plausibility.';

/** Whether a check is a plausibility warning (a signal, not counted in failingChecks). */
export function isPlausibilityCheck(check: Pick<Check, 'id'>): boolean {
  return familyOf(check.id).startsWith(PLAUSIBILITY_PREFIX);
}

const { jump: JUMP, rate: RATE } = PLAUSIBILITY_THRESHOLDS;
const JUMP_RULE = `rule: current ÷ previous > ${JUMP.ratioAbove} or < ${JUMP.ratioBelow} when previous ≥ ${JUMP.minPrevious}`;

/** A ratio as a message prints it: 3 significant digits, more where fewer would print a threshold it is not (0.198, not 0.2). */
function shown(value: number, thresholds: readonly number[]): number {
  for (let digits = 3; digits < 15; digits += 1) {
    const rounded = Number(value.toPrecision(digits));
    if (rounded === value || !thresholds.includes(rounded)) return rounded;
  }
  return value;
}

/** Each watched count against the same agency's report for year − 1: none without that report. */
export function jumpChecks(facts: ReportFacts): Check[] {
  const previous = facts.previous;
  if (!previous) return [];
  return JUMP_MEASURES.map((address): Check => {
    const id = `plausibility.jump/${address}`;
    const base = { id, rule: familyOf(id), severity: 'WARNING' as const, cells: [`${previous.year}:${address}`, address] };
    const [before, now] = [numberAt(previous.cell, address), numberAt(facts.cell, address)];
    if (before === undefined || now === undefined) {
      const unread = [...(before === undefined ? [`${previous.year} ${describeUnread(previous.cell, address)}`] : []), ...(now === undefined ? [describeUnread(facts.cell, address)] : [])];
      return { ...base, status: 'NOT_ASSESSABLE', expected: null, actual: null, message: `${address} against ${previous.year}: ${unread.join(', ')}` };
    }
    const values = { expected: before, actual: now };
    if (before < JUMP.minPrevious) {
      return { ...base, ...values, status: 'PASS', message: `${address} was ${before} in ${previous.year}, below ${JUMP.minPrevious}: the rule does not judge a change from so few (${JUMP_RULE})` };
    }
    const ratio = now / before;
    const trips = ratio > JUMP.ratioAbove || ratio < JUMP.ratioBelow;
    return {
      ...base,
      ...values,
      status: trips ? 'FAIL' : 'PASS',
      message: `${address} went from ${before} (${previous.year}) to ${now} (${facts.year}), ${now} ÷ ${before} = ${shown(ratio, [JUMP.ratioAbove, JUMP.ratioBelow])}× (${JUMP_RULE})`,
    };
  });
}

/** Each bounded rate figure within [0, 1]; none when its denominator is 0 (the figure has no value to judge). */
export function rateChecks(facts: ReportFacts): Check[] {
  const input = figureInputOf(facts);
  const definitions = linearFigures('TOTAL', facts.generation);
  return BOUNDED_RATE_FIGURES.flatMap((name): Check[] => {
    const figure = computeFigure(name, input);
    const definition = definitions.find((f) => f.name === name)!;
    const id = `plausibility.rate/${name}`;
    const base = { id, rule: familyOf(id), severity: 'WARNING' as const, expected: null, cells: [...new Set([...definition.numerator, ...(definition.denominator ?? [])].map((t) => t.address))] };
    if (figure.numerator === null) return [{ ...base, status: 'NOT_ASSESSABLE', actual: null, message: `${name}: ${figure.reason}` }];
    if (figure.value === null) return [];
    const within = figure.value >= RATE.min && figure.value <= RATE.max;
    return [
      {
        ...base,
        status: within ? 'PASS' : 'FAIL',
        actual: figure.value,
        message: `${name} is ${figure.numerator} ÷ ${figure.denominator} = ${shown(figure.value, [RATE.min, RATE.max])}, ${within ? 'within' : 'outside'} [${RATE.min}, ${RATE.max}] (rule: a share is between ${RATE.min} and ${RATE.max})`,
      },
    ];
  });
}
