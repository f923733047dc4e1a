import type { Interval } from './interval';

/**
 * 'too_small': below the documented minimum, no test was run. 'underpowered': the test ran (its
 * p-value is valid) but its minimum detectable effect exceeds the effect the policy cares about,
 * or it cannot reach α at all. 'tested': neither.
 */
export type SmallSampleStatus = 'tested' | 'underpowered' | 'too_small';

/** Fewest items, and fewest clusters, a group needs before it is tested at all. */
export const SMALL_SAMPLE_MIN_ITEMS = 3;
export const SMALL_SAMPLE_MIN_CLUSTERS = 2;

export type SmallSampleTestName =
  | 'mcnemar-exact'
  | 'sign-flip-exact'
  | 'sign-flip-monte-carlo'
  | 'permutation-exact'
  | 'permutation-monte-carlo'
  | 'normal';

/** What a test at small n reports, whether or not it ran. */
export interface SmallSampleTest {
  test: SmallSampleTestName | null;
  status: SmallSampleStatus;
  /** Items and resampling units (clusters) behind the estimate. */
  n: number;
  clusters: number;
  /** current − baseline, in metric units. */
  delta: number;
  interval: Interval | null;
  /** One-sided p against "no change in the bad direction", its mirror, and the two-sided p. */
  pWorse: number | null;
  pBetter: number | null;
  pValue: number | null;
  /** Smallest bad change detected with the given power at α (one-sided); ∞ when unreachable. */
  mde: number;
  alpha: number;
}

/** too_small below the minimums; underpowered when mde > minEffect (> 0) or α is unreachable. */
export function smallSampleStatus(
  n: number,
  clusters: number,
  mde: number,
  minEffect: number | undefined,
): SmallSampleStatus {
  if (n < SMALL_SAMPLE_MIN_ITEMS || clusters < SMALL_SAMPLE_MIN_CLUSTERS) return 'too_small';
  if (!Number.isFinite(mde)) return 'underpowered';
  return minEffect !== undefined && minEffect > 0 && mde > minEffect ? 'underpowered' : 'tested';
}
