import type { MetricDirection } from '../stats/direction';
import type { Interval } from '../stats/interval';
import type { SmallSampleStatus } from '../stats/small-sample';

/**
 * One item scored in the baseline and now, with its group (the value of one attribute) and the
 * cluster its errors are correlated within (speaker, session; the item itself when absent).
 * WER: num = word errors, den = reference words; a proportion or mean: den = 1.
 */
export interface DisparityRecord {
  itemId: string;
  group: string;
  cluster?: string;
  baseline: { num: number; den: number };
  current: { num: number; den: number };
}

export interface DisparityOptions {
  direction: MetricDirection;
  seed: number;
  /** Level for the MDE and for 'underpowered' (default 0.05). */
  alpha?: number;
  /** Power the MDE is computed for (default 0.8). */
  power?: number;
  /** Smallest contrast worth an alert: a group whose MDE exceeds it is 'underpowered'. */
  minEffect?: number;
  confidence?: number;
  /** Cluster-bootstrap resamples for the intervals (default 2000). */
  resamples?: number;
  /** Random relabellings when the exact permutation count exceeds maxEnumeration (default 4000). */
  permutations?: number;
  /** Enumerate every relabelling up to this many (default 20,000). */
  maxEnumeration?: number;
  /** From this many clusters in the group and in the rest: Welch's t, normal intervals (default 100). */
  largeSample?: number;
}

/** A ratio (e.g. corpus WER) in one run with its interval. */
export interface ValueWithInterval {
  value: number;
  interval: Interval;
}

export interface GroupDisparity {
  group: string;
  /** Items and clusters of the group. */
  n: number;
  clusters: number;
  baseline: ValueWithInterval;
  current: ValueWithInterval;
  /** current − baseline of the group (ratio of sums in each run). */
  delta: number;
  deltaInterval: Interval;
  /** current − baseline of all other groups pooled. */
  restDelta: number;
  /** delta − restDelta: how much more this group changed than the others (interaction). */
  contrast: number;
  contrastInterval: Interval;
  /** The contrast oriented so that positive means disproportionately hurt. */
  badContrast: number;
  test: 'permutation-exact' | 'permutation-monte-carlo' | 'welch-t' | null;
  /** One-sided p of "not hurt more than the others", its mirror, and the two-sided p. */
  pWorse: number | null;
  pBetter: number | null;
  pValue: number | null;
  /** Smallest bad contrast detected with the given power at α, one-sided; ∞ if unreachable. */
  mde: number;
  status: SmallSampleStatus;
}

export interface DisparityResult {
  direction: MetricDirection;
  alpha: number;
  confidence: number;
  groups: GroupDisparity[];
}
