import type { DriftComparison } from '@lastmile/metrics';
import type { MetricDefinition, MetricDirection } from '@lastmile/scenarios';

/** Decibels per unit of minEffect: a policy's 0.05 (five points of a rate) is 5 dB. */
export const DB_PER_EFFECT_UNIT = 100;

/**
 * What one unit of the plan's minEffect is worth in a metric's own units. The policy's minEffect
 * is written for rates (0.05: five points). A condition signal in other units reads it in its
 * own: decibels one per point (0.05 → 5 dB: SNR or level changes smaller than that are within
 * what re-recording the same ward gives), and counts, seconds, speaking rates and frequencies
 * relative to the baseline's value (0.05 → 5% of it, at least 5% of one unit), so "transcripts
 * 5% shorter" is the same finding on a ward of one-word commands as on one of dictation. Quality
 * metrics, and signals that are rates or scores, take minEffect as it is.
 */
export function effectScale(
  metric: Pick<MetricDefinition, 'signal' | 'unit'>,
  baselineValue: number | null,
): number {
  if (metric.signal !== 'condition') return 1;
  switch (metric.unit) {
    case 'db':
    case 'dbfs':
      return DB_PER_EFFECT_UNIT;
    case 'count':
    case 'seconds':
    case 'words_per_second':
    case 'hz':
      return Math.max(1, Math.abs(baselineValue ?? 0));
    default:
      return 1;
  }
}

/** The direction under which a change of this sign reads as the bad one. */
export const directionOfChange = (delta: number): MetricDirection =>
  delta > 0 ? 'lower_is_better' : 'higher_is_better';

/**
 * A two-sided signal's test from the one-sided pair: p = 2·min(pWorse, pBetter), capped at 1,
 * for the null "the change either way is at most minEffect" (each one-sided p is valid at its
 * own side, so their doubled minimum is valid for both). Reported as a test of the change it
 * saw: its direction is the one the value moved in, so that badSign·delta = |delta|, and pWorse
 * carries the two-sided p, so the run's Benjamini–Hochberg family and decideDrift read it as
 * they read every other test.
 */
export function eitherWay<T extends DriftComparison>(comparison: T): T & { twoSided: true } {
  const p = Math.min(1, 2 * Math.min(comparison.pWorse, comparison.pBetter));
  return {
    ...comparison,
    direction: directionOfChange(comparison.delta),
    pValue: p,
    pWorse: p,
    pBetter: 1,
    twoSided: true,
  };
}

/**
 * The definition worst-item rankings read: a two-sided signal's direction turned so that the
 * change it made (baseline → current) is the bad one; any other metric as it is.
 */
export function orientedDefinition<M extends Pick<MetricDefinition, 'direction' | 'twoSided'>>(
  metric: M,
  baselineValue: number | null,
  currentValue: number | null,
): M {
  if (!metric.twoSided || baselineValue === null || currentValue === null) return metric;
  return { ...metric, direction: directionOfChange(currentValue - baselineValue) };
}
