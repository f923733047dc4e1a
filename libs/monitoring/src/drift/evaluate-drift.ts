import {
  adjustForRunSpread,
  decideDrift,
  type DriftComparison,
  type DriftDecision,
} from '@lastmile/metrics';
import type { MetricDefinition } from '@lastmile/scenarios';
import type { ItemValueSet } from './item-values';
import { compareItemValues, isItemLevelAlertable } from './metric-kinds';

/** Below this many items on either side a subgroup is not tested: too few to say anything. */
export const MIN_ITEMS_PER_TEST = 10;

export type DriftTest = DriftComparison & { metric: string; subgroup: string };
export type DriftFinding = DriftDecision<DriftComparison> & { metric: string; subgroup: string };

export interface EvaluateDriftInput {
  metrics: readonly MetricDefinition[];
  baseline: ItemValueSet;
  current: ItemValueSet;
  alpha: number;
  minEffect: number;
  seed: number;
  resamples?: number;
  /** `${metric}|${subgroup}` -> the metric's value in each baseline run (between-run spread). */
  runSpread?: Record<string, number[]>;
}

/**
 * One test per alertable metric and subgroup present on both sides with at least
 * MIN_ITEMS_PER_TEST items (paired on shared items), widened to the between-run spread of the
 * baseline when reruns vary more than item resampling predicts. No multiple-testing step yet.
 */
export function driftTests(input: Omit<EvaluateDriftInput, 'alpha'>): DriftTest[] {
  const tests: DriftTest[] = [];
  for (const metric of input.metrics) {
    if (!isItemLevelAlertable(metric)) continue;
    const baseline = input.baseline[metric.name] ?? {};
    const current = input.current[metric.name] ?? {};
    for (const subgroup of Object.keys(current).sort()) {
      const before = baseline[subgroup];
      const now = current[subgroup];
      if (
        !before ||
        Object.keys(before).length < MIN_ITEMS_PER_TEST ||
        Object.keys(now).length < MIN_ITEMS_PER_TEST
      )
        continue;
      let comparison = compareItemValues(metric, before, now, input);
      const spread = input.runSpread?.[`${metric.name}|${subgroup}`];
      if (spread && spread.length >= 2) comparison = adjustForRunSpread(comparison, spread);
      tests.push({ ...comparison, metric: metric.name, subgroup });
    }
  }
  return tests;
}

/**
 * Verdicts for all the drift tests of one run (any number of slices): Benjamini–Hochberg across
 * them on the one-sided p of "worse by more than minEffect"; 'worse' only if q < alpha, the
 * change is at least minEffect and in the bad direction.
 */
export function decideRunDrift<T extends DriftComparison>(
  tests: readonly T[],
  options: { alpha: number; minEffect: number },
): DriftDecision<T>[] {
  return decideDrift(tests, {
    alpha: options.alpha,
    minEffect: options.minEffect,
    alternative: 'worse',
  });
}

/**
 * The drift decision shared by the scheduled monitor and the CI gate (`lastmile run --baseline`):
 * driftTests, then decideRunDrift across all of them.
 */
export function evaluateDrift(input: EvaluateDriftInput): DriftFinding[] {
  return decideRunDrift(driftTests(input), input);
}
