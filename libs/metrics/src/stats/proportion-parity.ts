import { normalCdf, normalUpperTail } from './distributions';
import { farringtonManningScoreAt } from './farrington-manning';
import type { Interval } from './interval';
import { newcombeInterval } from './newcombe';
import { tostItemsPerGroup, tostMinimumItemsPerGroup } from './tost-sample-size';
import type { ProportionCount } from './two-proportion';

export type ParityVerdict = 'parity_shown' | 'disparity_detected' | 'inconclusive';

export interface ParityOptions {
  /** Equivalence margin Δ > 0 on the difference of rates, e.g. 0.01. */
  tolerance: number;
  alpha?: number;
  /** Power used for the items-per-group estimate (default 0.8). */
  power?: number;
}

export interface ParityResult {
  verdict: ParityVerdict;
  rates: { first: number; second: number };
  /** first − second. */
  difference: number;
  /** (1 − 2α) Newcombe interval: parity is shown when it lies inside ±tolerance. */
  interval: Interval;
  tolerance: number;
  alpha: number;
  /** TOST p: the larger of the p-values against d ≤ −Δ and against d ≥ Δ. */
  pParity: number;
  /** Two-sided p against |d| ≤ Δ: small means the gap exceeds the tolerance. */
  pDisparity: number;
  /** Items per group for TOST to show parity with the given power at the observed rates. */
  itemsPerGroupNeeded: number | null;
  /** Below this many items per group parity cannot be shown even with identical rates. */
  minimumItemsPerGroup: number;
  n: { first: number; second: number };
}

/**
 * Equivalence of two independent proportions within ±tolerance by TOST (Farrington–Manning
 * score tests at ±Δ). A difference that is merely not significant is 'inconclusive', never parity.
 */
export function proportionParity(
  first: ProportionCount,
  second: ProportionCount,
  options: ParityOptions,
): ParityResult {
  const { tolerance } = options;
  const alpha = options.alpha ?? 0.05;
  if (!(tolerance > 0 && tolerance < 1)) throw new RangeError('tolerance must be in (0, 1)');
  if (first.n === 0 || second.n === 0) throw new RangeError('both groups need at least one item');
  const scoreAt = farringtonManningScoreAt(first.successes, first.n, second.successes, second.n);
  const atLowerMargin = scoreAt(-tolerance);
  const atUpperMargin = scoreAt(tolerance);
  const pParity = Math.max(normalUpperTail(atLowerMargin), normalCdf(atUpperMargin));
  const pAbove = normalUpperTail(atUpperMargin);
  const pBelow = normalCdf(atLowerMargin);
  const pDisparity = Math.min(1, 2 * Math.min(pAbove, pBelow));
  const verdict: ParityVerdict =
    pParity < alpha ? 'parity_shown' : pDisparity < alpha ? 'disparity_detected' : 'inconclusive';
  const rates = { first: first.successes / first.n, second: second.successes / second.n };
  const planning = { ...smoothedRates(first, second), tolerance, alpha, power: options.power };
  return {
    verdict,
    rates,
    difference: rates.first - rates.second,
    interval: newcombeInterval(first.successes, first.n, second.successes, second.n, 1 - 2 * alpha),
    tolerance,
    alpha,
    pParity,
    pDisparity,
    itemsPerGroupNeeded: tostItemsPerGroup(planning),
    minimumItemsPerGroup: tostMinimumItemsPerGroup(planning),
    n: { first: first.n, second: second.n },
  };
}

// A rate of exactly 0 or 1 has zero binomial variance and would make any sample size look
// enough; plan with the Laplace-smoothed rate (x + 1)/(n + 2) in that case.
function smoothedRates(first: ProportionCount, second: ProportionCount) {
  const rate = (c: ProportionCount) =>
    c.successes === 0 || c.successes === c.n ? (c.successes + 1) / (c.n + 2) : c.successes / c.n;
  return { rateA: rate(first), rateB: rate(second) };
}
