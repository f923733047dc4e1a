import { comparePairedProportion } from '../stats/paired-proportion';
import type { Interval } from '../stats/interval';

/** One pair of 0/1 outcomes on matched items, e.g. a WinoBias pro and anti sentence. */
export interface OutcomePair {
  first: 0 | 1;
  second: 0 | 1;
}

/**
 * Paired difference of two success rates over matched pairs, first − second (WinoBias: pro −
 * anti accuracy), with Tango's (1998) score interval for a paired difference of proportions —
 * the interval the drift layer's paired proportion test inverts. Null without pairs.
 */
export function pairedProportionGap(
  pairs: readonly OutcomePair[],
  confidence?: number,
): { difference: number; interval: Interval; n: number; discordant: number } | null {
  if (pairs.length === 0) return null;
  let firstOnly = 0;
  let secondOnly = 0;
  for (const { first, second } of pairs) {
    if (first === 1 && second === 0) firstOnly += 1;
    if (first === 0 && second === 1) secondOnly += 1;
  }
  // As a baseline (second) → current (first) change: gained = first only, lost = second only.
  const counts = { n: pairs.length, gained: firstOnly, lost: secondOnly };
  const result = comparePairedProportion(counts, 1, 0, confidence);
  return {
    difference: result.delta,
    interval: result.deltaInterval,
    n: pairs.length,
    discordant: firstOnly + secondOnly,
  };
}
