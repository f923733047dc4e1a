import {
  adjustForRunSpread,
  decideDrift,
  mdeFromStandardError,
  pairedChangeTest,
  SMALL_SAMPLE_MIN_ITEMS,
  type DriftComparison,
  type DriftDecision,
  type PairedRecord,
  type SmallSampleStatus,
} from '@lastmile/metrics';
import type { MetricDefinition } from '@lastmile/scenarios';
import { effectScale, eitherWay } from './condition-effect';
import { alignItems, type ItemAlignment, type ItemValues } from './item-value-columns';
import { pointValue } from './item-value-stats';
import type { ItemValueSet } from './item-values';
import { compareItemValues, isItemLevelAlertable } from './metric-kinds';

/**
 * Below this many shared items a subgroup's change is tested with a test valid at small n (exact
 * McNemar for 0/1 items, Fisher's sign-flip randomization over items or clusters otherwise:
 * pairedChangeTest); from here on, the large-sample tests of compareToBaseline.
 */
export const LARGE_SAMPLE_ITEMS = 30;

/** How well a test could see a change of the policy's size: every test carries it. */
export interface TestPower {
  /** tested; underpowered (its MDE exceeds minEffect); too_small (below 3 items or 2 clusters). */
  status: SmallSampleStatus;
  /** Smallest bad change detected with 80% power at α, in metric units (∞: unreachable). */
  mde: number;
  clusters: number;
}

export type DriftTest = DriftComparison & {
  metric: string;
  subgroup: string;
  /** A signal with no better side, tested for a change either way (see eitherWay). */
  twoSided?: true;
} & TestPower;

/** A subgroup too small to test: reported, never silently ignored. */
export interface SkippedTest extends TestPower {
  metric: string;
  subgroup: string;
  n: number;
}
export type DriftFinding = DriftDecision<DriftComparison> & {
  metric: string;
  subgroup: string;
  twoSided?: true;
};

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
  /** The unit an item's errors are correlated within (its speaker, session); default the item. */
  clusterOf?: (itemId: string) => string | undefined;
  /** Receives the subgroups too small to test (below 3 shared items or 2 clusters). */
  skipped?: SkippedTest[];
}

/**
 * One test per alertable metric and subgroup present on both sides (paired on shared items),
 * widened to the between-run spread of the baseline when reruns vary more than item resampling
 * predicts. Items that carry a cluster (speaker, session: clusterOf) are tested by cluster at
 * every size: cluster bootstrap, or the cluster-robust delta method from 200 clusters; a
 * clustered 0/1 metric as a mean, not by McNemar (its pairs are not independent). Subgroups of
 * fewer than LARGE_SAMPLE_ITEMS shared items get a test valid at small n (pairedChangeTest,
 * sign flips of whole clusters when items carry them); below its
 * minimum (3 items, 2 clusters) a subgroup goes to `skipped` with its n. Every test carries its
 * minimum detectable effect and 'underpowered' when that exceeds minEffect. A condition signal's
 * minEffect is read in its own units (effectScale); a signal with no better side is tested
 * two-sided (eitherWay). No multiple-testing step yet.
 */
export function driftTests(
  input: Omit<EvaluateDriftInput, 'alpha'> & { alpha?: number },
): DriftTest[] {
  const tests: DriftTest[] = [];
  for (const metric of input.metrics) {
    if (!isItemLevelAlertable(metric)) continue;
    const baseline = input.baseline[metric.name] ?? {};
    const current = input.current[metric.name] ?? {};
    for (const subgroup of Object.keys(current).sort()) {
      const before = baseline[subgroup];
      const now = current[subgroup];
      if (!before) continue;
      const minEffect = input.minEffect * effectScale(metric, pointValue(metric.statKind, before));
      // A two-sided test spends α/2 on each side: its MDE and reachable α are read at α/2.
      const alpha = (input.alpha ?? 0.05) / (metric.twoSided ? 2 : 1);
      const options = { ...input, minEffect, alpha };
      const alignment = alignItems(now, before);
      if (alignment.current.length < LARGE_SAMPLE_ITEMS || before.size < LARGE_SAMPLE_ITEMS) {
        const test = smallSampleDrift(metric, subgroup, alignment, before, now, options);
        if (test) tests.push(metric.twoSided ? eitherWay(test) : test);
        continue;
      }
      let comparison = compareItemValues(metric, before, now, { ...options, alignment });
      const compared = comparison.paired ? alignment.current : null;
      const clusters = clusterCount(now, compared, input.clusterOf);
      const spread = input.runSpread?.[`${metric.name}|${subgroup}`];
      if (spread && spread.length >= 2) comparison = adjustForRunSpread(comparison, spread);
      const se = (comparison.deltaInterval.high - comparison.deltaInterval.low) / (2 * 1.959964);
      const mde = mdeFromStandardError(se, { alpha });
      const status = minEffect > 0 && mde > minEffect ? 'underpowered' : 'tested';
      const test = {
        ...comparison,
        metric: metric.name,
        subgroup,
        status,
        mde,
        clusters,
      } satisfies DriftTest;
      tests.push(metric.twoSided ? eitherWay(test) : test);
    }
  }
  return tests;
}

/** Resampling units among the shared items: clusters (speakers), items without one alone. */
function clusterCount(
  current: ItemValues,
  positions: Int32Array | null,
  clusterOf: EvaluateDriftInput['clusterOf'],
): number {
  if (!clusterOf) return positions ? positions.length : current.size;
  const units = new Set<string>();
  for (let k = 0; k < (positions ? positions.length : current.size); k++) {
    const id = current.idAt(positions ? positions[k] : k);
    units.add(clusterOf(id) ?? `item:${id}`);
  }
  return units.size;
}

/** The small-n paired test as a drift test; null (and a skipped entry) below its minimum. */
function smallSampleDrift(
  metric: MetricDefinition,
  subgroup: string,
  alignment: ItemAlignment,
  before: ItemValues,
  now: ItemValues,
  input: Omit<EvaluateDriftInput, 'alpha'> & { alpha?: number },
): DriftTest | null {
  const records: PairedRecord[] = Array.from(alignment.current, (at, k) => {
    const itemId = now.idAt(at);
    const cluster = input.clusterOf?.(itemId);
    return {
      itemId,
      ...(cluster === undefined ? {} : { cluster }),
      baseline: before.valueAt(alignment.baseline[k]),
      current: now.valueAt(at),
    };
  });
  const kind =
    metric.statKind === 'proportion' &&
    records.every(
      (r) =>
        r.baseline.den === 1 &&
        r.current.den === 1 &&
        [0, 1].includes(r.baseline.num) &&
        [0, 1].includes(r.current.num),
    )
      ? 'proportion'
      : metric.statKind === 'ratio'
        ? 'ratio'
        : 'mean';
  const sumOf = (side: 'baseline' | 'current') => {
    const num = records.reduce((sum, r) => sum + r[side].num, 0);
    const den = records.reduce((sum, r) => sum + r[side].den, 0);
    return den > 0 ? num / den : NaN;
  };
  const usable =
    records.length >= SMALL_SAMPLE_MIN_ITEMS && records.some((r) => r.baseline.den > 0);
  const result = usable
    ? pairedChangeTest(records, {
        direction: metric.direction,
        kind,
        seed: input.seed,
        alpha: input.alpha,
        minEffect: input.minEffect,
        resamples: input.resamples,
      })
    : null;
  if (!result || result.status === 'too_small' || result.pWorse === null) {
    input.skipped?.push({
      metric: metric.name,
      subgroup,
      n: records.length,
      status: 'too_small',
      mde: result?.mde ?? Number.POSITIVE_INFINITY,
      clusters: result?.clusters ?? records.length,
    });
    return null;
  }
  return {
    kind,
    direction: metric.direction,
    test: result.test as DriftComparison['test'],
    paired: true,
    baselineValue: sumOf('baseline'),
    currentValue: sumOf('current'),
    delta: result.delta,
    deltaInterval: result.interval ?? { low: result.delta, high: result.delta },
    confidence: 0.95,
    minEffect: input.minEffect,
    pValue: result.pValue ?? 1,
    pWorse: result.pWorse,
    pBetter: result.pBetter ?? 1,
    // A paired test: n is the pairs it compared, on both sides.
    n: { baseline: records.length, current: records.length },
    metric: metric.name,
    subgroup,
    status: result.status,
    mde: result.mde,
    clusters: result.clusters,
  };
}

/**
 * Verdicts for all the drift tests of one run (any number of slices): Benjamini–Hochberg across
 * them on the one-sided p of "worse by more than minEffect"; 'worse' only if q < alpha, the
 * change is at least the test's own minEffect (the policy's, in the metric's units) and in the
 * bad direction.
 */
export function decideRunDrift<T extends DriftComparison>(
  tests: readonly T[],
  options: { alpha: number; qValues?: readonly number[] },
): DriftDecision<T>[] {
  return decideDrift(tests, {
    alpha: options.alpha,
    alternative: 'worse',
    qValues: options.qValues,
  });
}

/**
 * The drift decision shared by the scheduled monitor and the CI gate (`lastmile run --baseline`):
 * driftTests, then decideRunDrift across all of them.
 */
export function evaluateDrift(input: EvaluateDriftInput): DriftFinding[] {
  return decideRunDrift(driftTests(input), input);
}
