import { newcombeInterval, normalQuantile } from '@lastmile/metrics';
import type { MetricKindLabel } from './card-types';

/** A stored metric: its value, 95% interval and item count. */
export interface StoredEstimate {
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  n: number;
}

export interface DifferenceEstimate {
  /** first − second. */
  value: number;
  low: number;
  high: number;
  method: 'newcombe' | 'normal';
}

const Z95 = normalQuantile(0.975);

/**
 * The difference of two independent estimates with a 95% interval, from what the metrics table
 * keeps: for proportions Newcombe's hybrid score interval on the counts (value × n successes of
 * n); for means and ratios a normal interval whose standard errors are read from each stored
 * 95% interval (half-width / 1.96) — Welch's interval at large degrees of freedom, since the
 * items themselves are not re-read. Null when either side has no value or no interval.
 */
export function metricDifference(
  first: StoredEstimate,
  second: StoredEstimate,
  statKind: MetricKindLabel,
): DifferenceEstimate | null {
  if (first.value === null || second.value === null) return null;
  const value = first.value - second.value;
  if (statKind === 'proportion' && first.n > 0 && second.n > 0) {
    const x1 = Math.round(first.value * first.n);
    const x2 = Math.round(second.value * second.n);
    const { low, high } = newcombeInterval(x1, first.n, x2, second.n);
    return { value, low, high, method: 'newcombe' };
  }
  const [s1, s2] = [standardErrorOf(first), standardErrorOf(second)];
  if (s1 === null || s2 === null) return null;
  const half = Z95 * Math.sqrt(s1 * s1 + s2 * s2);
  return { value, low: value - half, high: value + half, method: 'normal' };
}

/** The standard error a stored 95% interval implies (half-width / 1.96); null without one. */
export function standardErrorOf(estimate: StoredEstimate): number | null {
  return estimate.ciLow === null || estimate.ciHigh === null
    ? null
    : (estimate.ciHigh - estimate.ciLow) / (2 * Z95);
}
