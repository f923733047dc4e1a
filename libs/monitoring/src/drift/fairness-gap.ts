import { benjaminiHochbergQValues, type DriftTestName, type Interval } from '@lastmile/metrics';
import type { MetricDefinition, MetricDirection } from '@lastmile/scenarios';
import { SMALL_SAMPLE_MIN_ITEMS } from '@lastmile/metrics';
import type { ItemValues } from './item-value-columns';
import { pointValue } from './item-value-stats';
import type { ItemValueSet } from './item-values';
import { isFairnessMagnitude } from './fairness-magnitude';
import { compareItemValues, isGroupComparable } from './metric-kinds';

/** `wer_gap:accent`, the name scenario kinds give the largest gap of `wer` across accents. */
export const gapMetricName = (base: string, attribute: string) => `${base}_gap:${attribute}`;

export interface FairnessGapInput {
  /** The kind's metrics: their `<base>_gap:<attribute>` definitions say which gaps to check. */
  metrics: readonly MetricDefinition[];
  current: ItemValueSet;
  /** plan.alertPolicy.fairnessTolerance: the largest gap accepted, in the metric's units. */
  tolerance: number;
  alpha: number;
  seed: number;
  resamples?: number;
  /** Check every alertable metric across these attributes instead of the kind's declared gaps. */
  attributes?: readonly string[];
}

export interface GroupSummary {
  value: string;
  metric: number;
  n: number;
}

export interface FairnessGapFinding {
  /** The gap metric, `<base>_gap:<attribute>`; subgroup is always 'all'. */
  metric: string;
  subgroup: 'all';
  base: string;
  attribute: string;
  direction: MetricDirection;
  groups: GroupSummary[];
  worst: GroupSummary;
  best: GroupSummary;
  /** |worst − best| and its interval (worst minus best, in the bad direction). */
  gap: number;
  gapInterval: Interval;
  tolerance: number;
  test: DriftTestName;
  /** One-sided p of "the worst group is worse than the best by at most the tolerance". */
  rawPValue: number;
  /** rawPValue × G(G−1): the pair was picked as the extremes, so every ordered pair counts. */
  pValue: number;
  qValue: number;
  verdict: 'beyond_tolerance' | 'within_tolerance';
}

export type FairnessGapTest = Omit<FairnessGapFinding, 'qValue' | 'verdict'>;

/**
 * The gap tests of one slice: for each (base metric, attribute) the worst and the best group
 * (at least SMALL_SAMPLE_MIN_ITEMS items each) compared as independent samples against the shifted
 * null "gap ≤ tolerance"; Bonferroni over the G(G−1) ordered pairs corrects for picking the
 * extremes. No step across tests yet.
 */
export function fairnessGapTests(input: Omit<FairnessGapInput, 'alpha'>): FairnessGapTest[] {
  const tests: FairnessGapTest[] = [];
  for (const { base, attribute } of gapsToCheck(input)) {
    const test = gapTest(base, attribute, input);
    if (test) tests.push(test);
  }
  return tests;
}

/** Benjamini–Hochberg across a run's gap tests: 'beyond_tolerance' when q < alpha. */
export function decideFairnessGaps<T extends FairnessGapTest>(
  tests: readonly T[],
  alpha: number,
): (T & Pick<FairnessGapFinding, 'qValue' | 'verdict'>)[] {
  const qValues = benjaminiHochbergQValues(tests.map((t) => t.pValue));
  return tests.map((test, i) => ({
    ...test,
    qValue: qValues[i],
    verdict:
      qValues[i] < alpha && test.gap > test.tolerance ? 'beyond_tolerance' : 'within_tolerance',
  }));
}

/** Fairness gaps of one slice: fairnessGapTests, then decideFairnessGaps. */
export function fairnessGapFindings(input: FairnessGapInput): FairnessGapFinding[] {
  return decideFairnessGaps(fairnessGapTests(input), input.alpha);
}

function gapsToCheck(
  input: Omit<FairnessGapInput, 'alpha'>,
): { base: MetricDefinition; attribute: string }[] {
  const bases = input.metrics.filter(isGroupComparable);
  if (input.attributes)
    return input.attributes.flatMap((attribute) => bases.map((base) => ({ base, attribute })));
  const byName = new Map(bases.map((base) => [base.name, base]));
  return input.metrics.flatMap((metric) => {
    // A gap the kind reports with its own (paired) interval is tested as a fairness magnitude.
    if (isFairnessMagnitude(metric)) return [];
    const match = /^(.+)_gap:(.+)$/.exec(metric.name);
    const base = match ? byName.get(match[1]) : undefined;
    return base && match ? [{ base, attribute: match[2] }] : [];
  });
}

function gapTest(
  base: MetricDefinition,
  attribute: string,
  input: Omit<FairnessGapInput, 'alpha'>,
) {
  const prefix = `${attribute}=`;
  const subgroups = input.current[base.name] ?? {};
  const groups = Object.keys(subgroups)
    .filter((name) => name.startsWith(prefix) && subgroups[name].size >= SMALL_SAMPLE_MIN_ITEMS)
    .sort()
    .map((name) => ({ value: name.slice(prefix.length), items: subgroups[name] }))
    .map((g) => ({ ...g, metric: pointValue(base.statKind, g.items) }))
    .filter((g): g is { value: string; items: ItemValues; metric: number } => g.metric !== null);
  if (groups.length < 2) return null;
  const worse = (a: number, b: number) => (base.direction === 'lower_is_better' ? a > b : a < b);
  let worst = groups[0];
  let best = groups[0];
  for (const group of groups) {
    if (worse(group.metric, worst.metric)) worst = group;
    if (worse(best.metric, group.metric)) best = group;
  }
  const comparison = compareItemValues(base, best.items, worst.items, {
    minEffect: input.tolerance,
    seed: input.seed,
    resamples: input.resamples,
    paired: false,
  });
  const sign = base.direction === 'lower_is_better' ? 1 : -1;
  const ends = [sign * comparison.deltaInterval.low, sign * comparison.deltaInterval.high].sort(
    (a, b) => a - b,
  );
  const summary = (g: (typeof groups)[number]): GroupSummary => ({
    value: g.value,
    metric: g.metric,
    n: g.items.size,
  });
  const orderedPairs = groups.length * (groups.length - 1);
  return {
    metric: gapMetricName(base.name, attribute),
    subgroup: 'all' as const,
    base: base.name,
    attribute,
    direction: base.direction,
    groups: groups.map(summary),
    worst: summary(worst),
    best: summary(best),
    gap: Math.abs(worst.metric - best.metric),
    gapInterval: { low: ends[0], high: ends[1] },
    tolerance: input.tolerance,
    test: comparison.test,
    rawPValue: comparison.pWorse,
    pValue: Math.min(1, comparison.pWorse * orderedPairs),
  };
}
