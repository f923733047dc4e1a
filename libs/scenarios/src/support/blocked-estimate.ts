import { bootstrapRatioInterval, compareToBaseline } from '@lastmile/metrics';
import type { MetricDefinition, MetricStatKind, MetricValue } from '../scenario-kind';
import { type Contribution, EMPTY_ESTIMATE, type Estimate, pointValue } from './estimate';
import { extremeGroups, gapMetricName, groupValues } from './gap';
import type { ItemSamples } from './item-samples';
import { contributionsOf } from './item-metrics';
import { ALL_SUBGROUP, type Breakdown, subgroupsOf } from './subgroups';

const ratioItems = (contributions: readonly Contribution[]) =>
  contributions.map(({ num, den, block }) =>
    block === undefined ? { num, den } : { num, den, group: block },
  );

/**
 * Like `estimate`, but every stat kind's interval is a block bootstrap: whole blocks (items
 * sharing a template) are resampled, for data whose items cluster — BBQ's examples of one
 * template answer alike, so resampling them one by one would understate the uncertainty. The
 * value is the same as `estimate`'s (Σnum/Σden; for per-item means den is 1).
 */
export function blockedEstimate(
  statKind: MetricStatKind,
  contributions: readonly Contribution[],
  seed: number,
): Estimate {
  const value = pointValue(statKind, contributions);
  if (value === null) return { ...EMPTY_ESTIMATE, n: contributions.length };
  const { low, high } = bootstrapRatioInterval(ratioItems(contributions), { seed });
  return { value, ciLow: low, ciHigh: high, n: contributions.length };
}

/** aggregateItemMetrics with blockedEstimate: 'all' and each breakdown subgroup. */
export function aggregateBlocked(
  definitions: readonly MetricDefinition[],
  items: readonly ItemSamples[],
  options: { seed: number; breakdownBy: Breakdown; blockAttributes: readonly string[] },
): MetricValue[] {
  const values: MetricValue[] = [];
  for (const subgroup of subgroupsOf(items, options.breakdownBy)) {
    for (const definition of definitions) {
      const contributions = contributionsOf(definition, subgroup.items, options.blockAttributes);
      values.push({
        name: definition.name,
        subgroup: subgroup.name,
        ...blockedEstimate(definition.statKind, contributions, options.seed),
      });
    }
  }
  return values;
}

/**
 * `<metric>_gap:<attribute>` (worst − best group, ≥ 0) with the interval of that difference by
 * an unpaired block bootstrap of the two extreme groups. As gapValue, it does not allow for
 * the extremes having been picked after the fact.
 */
export function blockedGapValue(
  base: MetricDefinition,
  attribute: string,
  items: readonly ItemSamples[],
  options: { seed: number; blockAttributes: readonly string[] },
): MetricValue {
  const name = gapMetricName(base.name, attribute);
  const groups = groupValues(base, attribute, items, options.blockAttributes);
  const n = groups.reduce((sum, g) => sum + g.contributions.length, 0);
  if (groups.length < 2) {
    return { name, subgroup: ALL_SUBGROUP, value: null, ciLow: null, ciHigh: null, n };
  }
  const { worst, best, gap } = extremeGroups(base, groups);
  const byItem = (contributions: readonly Contribution[]) =>
    new Map(contributions.map((c, i) => [c.itemId ?? `#${i}`, ratioItems([c])[0]]));
  const comparison = compareToBaseline({
    kind: 'ratio',
    current: byItem(worst.contributions),
    baseline: byItem(best.contributions),
    direction: base.direction,
    paired: false,
    seed: options.seed,
  });
  const sign = base.direction === 'lower_is_better' ? 1 : -1;
  const [low, high] = [
    sign * comparison.deltaInterval.low,
    sign * comparison.deltaInterval.high,
  ].sort((a, b) => a - b);
  return { name, subgroup: ALL_SUBGROUP, value: gap, ciLow: low, ciHigh: high, n };
}
