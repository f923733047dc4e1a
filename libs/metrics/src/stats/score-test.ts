import { normalCdf, normalUpperTail } from './distributions';
import type { OneSidedPValues } from './one-sided';

/**
 * A score statistic as a function of the null value d0 of the difference current − baseline:
 * (estimate − d0) / se(d0), decreasing in d0.
 */
export type ScoreAt = (nullDifference: number) => number;

/**
 * One-sided p-values of the shifted nulls "bad change ≤ δ" and "good change ≤ δ" from a score
 * statistic. With badSign = +1 (increase is bad) worse tests d ≤ δ, better tests d ≥ −δ.
 */
export function scoreOneSided(scoreAt: ScoreAt, sign: 1 | -1, minEffect: number): OneSidedPValues {
  const againstIncrease = normalUpperTail(scoreAt(minEffect)); // H0: d ≤ δ
  const againstDecrease = normalCdf(scoreAt(-minEffect)); // H0: d ≥ −δ
  return sign === 1
    ? { worse: againstIncrease, better: againstDecrease }
    : { worse: againstDecrease, better: againstIncrease };
}

/** Score interval {d0 : |score(d0)| ≤ z} within [lowest, highest], by bisection (score is monotone). */
export function invertScore(scoreAt: ScoreAt, z: number, lowest: number, highest: number) {
  const root = (target: number): number => {
    let lo = lowest;
    let hi = highest;
    if (scoreAt(lo) <= target) return lo;
    if (scoreAt(hi) >= target) return hi;
    for (let i = 0; i < 100 && hi - lo > 1e-12; i++) {
      const mid = (lo + hi) / 2;
      if (scoreAt(mid) > target) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  };
  return { low: root(z), high: root(-z) };
}

/** (numerator)/(se) with the 0/0 case (no information at all) read as no evidence. */
export function safeScore(numerator: number, variance: number): number {
  if (variance > 0) return numerator / Math.sqrt(variance);
  if (numerator === 0) return 0;
  return numerator > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
}
