import { adjustForRunSpread, compareToBaseline, decideDrift, type DriftComparison, type DriftDecision } from '@lastmile/metrics';
import type { MetricDefinition } from '@lastmile/scenarios';
import type { ItemValue, ItemValueSet } from './item-values';

/** Below this many items on either side a subgroup is not tested: too few to say anything. */
export const MIN_ITEMS_PER_TEST = 10;

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
 * The drift decision shared by the scheduled monitor and the CI gate (`lastmile run --baseline`):
 * one test per metric and subgroup present on both sides (paired on shared items),
 * Benjamini–Hochberg across all of them, 'worse' only if significant, ≥ minEffect and bad.
 */
export function evaluateDrift(input: EvaluateDriftInput): DriftFinding[] {
  const comparisons: (DriftComparison & { metric: string; subgroup: string })[] = [];
  for (const metric of input.metrics) {
    const baseline = input.baseline[metric.name] ?? {};
    const current = input.current[metric.name] ?? {};
    for (const subgroup of Object.keys(current).sort()) {
      const before = baseline[subgroup];
      const now = current[subgroup];
      if (!before || Object.keys(before).length < MIN_ITEMS_PER_TEST || Object.keys(now).length < MIN_ITEMS_PER_TEST) continue;
      let comparison = compare(metric, before, now, input);
      const spread = input.runSpread?.[`${metric.name}|${subgroup}`];
      if (spread && spread.length >= 2) comparison = adjustForRunSpread(comparison, spread);
      comparisons.push({ ...comparison, metric: metric.name, subgroup });
    }
  }
  return decideDrift(comparisons, { alpha: input.alpha, minEffect: input.minEffect, alternative: 'worse' });
}

function compare(
  metric: MetricDefinition,
  baseline: Record<string, ItemValue>,
  current: Record<string, ItemValue>,
  input: EvaluateDriftInput,
): DriftComparison {
  const common = { direction: metric.direction, minEffect: input.minEffect, seed: input.seed, resamples: input.resamples };
  switch (metric.statKind) {
    case 'proportion':
      return compareToBaseline({ ...common, kind: 'proportion', baseline: mapValues(baseline, share), current: mapValues(current, share) });
    case 'mean':
      return compareToBaseline({ ...common, kind: 'mean', baseline: mapValues(baseline, share), current: mapValues(current, share) });
    case 'ratio':
      return compareToBaseline({ ...common, kind: 'ratio', baseline, current });
  }
}

const share = (value: ItemValue) => (value.den === 0 ? 0 : value.num / value.den);

function mapValues<T>(record: Record<string, ItemValue>, map: (value: ItemValue) => T): Record<string, T> {
  return Object.fromEntries(Object.entries(record).map(([id, value]) => [id, map(value)]));
}
