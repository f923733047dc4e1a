import { benjaminiHochbergQValues, normalCdf } from '@lastmile/metrics';
import type { MetricDefinition } from '@lastmile/scenarios';

/** A run-level metric value with its interval, as the run stored it. */
export interface StoredMetricValue {
  name: string;
  subgroup: string;
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  n: number;
}

export interface FairnessMagnitudeFinding {
  metric: string;
  subgroup: string;
  value: number;
  interval: [number, number];
  n: number;
  tolerance: number;
  test: 'normal-from-interval';
  /** One-sided p of "the magnitude is at most the tolerance". */
  pValue: number;
  qValue: number;
  verdict: 'beyond_tolerance' | 'within_tolerance';
}

// The 95% intervals the kinds report: their half-width is 1.96 standard errors.
const Z95 = 1.959964;

/** Metrics the kind marks as fairness magnitudes (pronoun skew, counterfactual gap). */
export const isFairnessMagnitude = (metric: MetricDefinition) =>
  'fairnessMagnitude' in metric && metric.fairnessMagnitude === true;

/**
 * Run-level fairness magnitudes (a pronoun skew, a counterfactual gap) against the plan's
 * tolerance: per metric and subgroup with a value and a 95% interval, the one-sided test of
 * "magnitude ≤ tolerance" with the standard error read from the interval (normal approximation;
 * the kinds' intervals are bootstrap or Wilson/Newcombe); Benjamini–Hochberg across them;
 * beyond_tolerance when q < α and the value exceeds the tolerance.
 */
export function decideFairnessMagnitudes<T extends StoredMetricValue>(
  metrics: readonly MetricDefinition[],
  rows: readonly T[],
  tolerance: number,
  alpha: number,
): (FairnessMagnitudeFinding & { row: T })[] {
  const names = new Set(metrics.filter(isFairnessMagnitude).map((m) => m.name));
  const tested = rows.flatMap((row) => {
    if (!names.has(row.name) || row.value === null || row.ciLow === null || row.ciHigh === null)
      return [];
    const se = (row.ciHigh - row.ciLow) / (2 * Z95);
    const pValue =
      se > 0 ? 1 - normalCdf((row.value - tolerance) / se) : row.value > tolerance ? 0 : 1;
    return [{ row, se, pValue }];
  });
  const q = benjaminiHochbergQValues(tested.map((t) => t.pValue));
  return tested.map(({ row, pValue }, i) => ({
    row,
    metric: row.name,
    subgroup: row.subgroup,
    value: row.value!,
    interval: [row.ciLow!, row.ciHigh!] as [number, number],
    n: row.n,
    tolerance,
    test: 'normal-from-interval' as const,
    pValue,
    qValue: q[i],
    verdict:
      q[i] < alpha && row.value! > tolerance
        ? ('beyond_tolerance' as const)
        : ('within_tolerance' as const),
  }));
}
