import { compareToBaseline, type DriftComparison } from '@lastmile/metrics';
import type { MetricDefinition } from '@lastmile/scenarios';
import { isBinary, itemShare, type ItemValues } from './item-value-stats';

/**
 * Metrics that can raise alerts from item values: not run-level statistics (a largest gap, a
 * parity verdict: no per-item decomposition) and not descriptive values with no better direction.
 */
export function isItemLevelAlertable(metric: MetricDefinition): boolean {
  if ('level' in metric && metric.level === 'run') return false;
  return !('descriptive' in metric && metric.descriptive === true);
}

/** A label-free condition signal (SNR, a tonal peak): its drift is condition_drift. */
export function isConditionSignal(metric: MetricDefinition): boolean {
  return 'signal' in metric && metric.signal === 'condition';
}

/** A model judge's agreement with people (judge_calibration): its drift is judge_drift. */
export function isJudgeSignal(metric: MetricDefinition): boolean {
  return 'signal' in metric && metric.signal === 'judge';
}

/**
 * The finding kind of a metric's drift: a condition signal's is condition_drift, a judge's
 * agreement with people judge_drift, any other quality metric's `quality` (drift, or cusum for
 * CUSUM's slow drift).
 */
export function driftKindOf<K extends 'drift' | 'cusum'>(
  metric: MetricDefinition,
  quality: K,
): K | 'condition_drift' | 'judge_drift' {
  if (isConditionSignal(metric)) return 'condition_drift';
  if (isJudgeSignal(metric)) return 'judge_drift';
  return quality;
}

/** Alertable quality metrics: what disparity and fairness-gap tests compare between groups. */
export function isGroupComparable(metric: MetricDefinition): boolean {
  return isItemLevelAlertable(metric) && !isConditionSignal(metric) && !isJudgeSignal(metric);
}

export interface CompareItemsOptions {
  minEffect: number;
  seed: number;
  resamples?: number;
  paired?: boolean | 'auto';
}

/**
 * compareToBaseline on item values with the test the metric's kind calls for. A proportion whose
 * items are not all 0/1 (a baseline pooled over runs, several samples per item) is compared as a
 * mean of item shares (paired bootstrap): exact McNemar needs 0/1 outcomes.
 */
export function compareItemValues(
  metric: Pick<MetricDefinition, 'direction' | 'statKind'>,
  baseline: ItemValues,
  current: ItemValues,
  options: CompareItemsOptions,
): DriftComparison {
  const common = {
    direction: metric.direction,
    minEffect: options.minEffect,
    seed: options.seed,
    resamples: options.resamples,
    ...(options.paired === undefined ? {} : { paired: options.paired }),
  };
  if (metric.statKind === 'ratio') {
    return compareToBaseline({ ...common, kind: 'ratio', baseline, current });
  }
  const kind =
    metric.statKind === 'proportion' && isBinary(baseline) && isBinary(current)
      ? 'proportion'
      : 'mean';
  return compareToBaseline({
    ...common,
    kind,
    baseline: shares(baseline),
    current: shares(current),
  });
}

// A Map, not a record: tens of thousands of item-id keys make a record slow to build and read.
function shares(items: ItemValues): Map<string, number> {
  const out = new Map<string, number>();
  for (const id in items) out.set(id, itemShare(items[id]));
  return out;
}
