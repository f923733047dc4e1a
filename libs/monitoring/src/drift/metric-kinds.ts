import {
  compareItems,
  shouldPair,
  type DriftComparison,
  type ItemColumns,
} from '@lastmile/metrics';
import type { MetricDefinition } from '@lastmile/scenarios';
import { alignItems, type ItemAlignment, type ItemValues } from './item-value-columns';
import { isBinary } from './item-value-stats';

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
  /** The sets' shared items, when the caller has lined them up already. */
  alignment?: ItemAlignment;
  /**
   * The unit an item's errors are correlated within (its speaker, session): the test resamples
   * (or linearizes over) whole clusters. A clustered 0/1 metric is compared as a mean: exact
   * McNemar needs independent pairs.
   */
  clusterOf?: (itemId: string) => string | undefined;
}

/**
 * compareToBaseline on item values with the test the metric's kind calls for. A proportion whose
 * items are not all 0/1 (a baseline pooled over runs, several samples per item) is compared as a
 * mean of item shares (paired bootstrap): exact McNemar needs 0/1 outcomes. Items are paired on
 * their ids as compareToBaseline pairs them (explicitly, or 'auto' from 90% shared).
 */
export function compareItemValues(
  metric: Pick<MetricDefinition, 'direction' | 'statKind'>,
  baseline: ItemValues,
  current: ItemValues,
  options: CompareItemsOptions,
): DriftComparison {
  const alignment = options.alignment ?? alignItems(current, baseline);
  const shared = alignment.current.length;
  const paired = shouldPair(options.paired, shared, current.size, baseline.size);
  const clusters = {
    current: clustersOf(current, paired ? alignment.current : null, options.clusterOf),
    baseline: clustersOf(baseline, paired ? alignment.baseline : null, options.clusterOf),
  };
  const clustered = Boolean(clusters.current || clusters.baseline);
  const kind =
    metric.statKind === 'ratio'
      ? 'ratio'
      : metric.statKind === 'proportion' && !clustered && isBinary(baseline) && isBinary(current)
        ? 'proportion'
        : 'mean';
  const columns = (
    items: ItemValues,
    positions: Int32Array | null,
    cluster: (string | undefined)[] | undefined,
  ): ItemColumns => {
    const size = positions ? positions.length : items.size;
    const num = new Float64Array(size);
    const den = new Float64Array(size);
    for (let k = 0; k < size; k++) {
      const at = positions ? positions[k] : k;
      // Proportions and means compare item shares (den 1), ratios the items' own num/den.
      num[k] = kind === 'ratio' ? items.num[at] : items.shareAt(at);
      den[k] = kind === 'ratio' ? items.den[at] : 1;
    }
    return cluster ? { num, den, cluster } : { num, den };
  };
  return compareItems(
    {
      kind,
      direction: metric.direction,
      minEffect: options.minEffect,
      seed: options.seed,
      resamples: options.resamples,
    },
    columns(current, paired ? alignment.current : null, clusters.current),
    columns(baseline, paired ? alignment.baseline : null, clusters.baseline),
    paired,
  );
}

/** Each item's cluster at these positions (default all), or undefined when none has one. */
function clustersOf(
  items: ItemValues,
  positions: Int32Array | null,
  clusterOf: CompareItemsOptions['clusterOf'],
): (string | undefined)[] | undefined {
  if (!clusterOf) return undefined;
  const size = positions ? positions.length : items.size;
  const clusters = Array.from({ length: size }, (_, k) =>
    clusterOf(items.idAt(positions ? positions[k] : k)),
  );
  return clusters.some((cluster) => cluster !== undefined) ? clusters : undefined;
}
