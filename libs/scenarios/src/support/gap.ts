import { compareToBaseline, sliceGap, type CompareInput } from '@lastmile/metrics';
import type { MetricDefinition, MetricValue } from '../scenario-kind';
import { type Contribution, pointValue } from './estimate';
import type { ItemSamples } from './item-samples';
import { contributionsOf } from './item-metrics';
import { ALL_SUBGROUP, itemsByValue } from './subgroups';

/** `wer_gap:accent`: the largest difference of `wer` between values of attribute `accent`. */
export function gapMetricName(base: string, attribute: string): string {
  return `${base}_gap:${attribute}`;
}

export function parseGapMetricName(name: string): { base: string; attribute: string } | null {
  const match = /^(.+)_gap:(.+)$/.exec(name);
  return match ? { base: match[1], attribute: match[2] } : null;
}

/**
 * A gap is a run-level statistic (level 'run'): itemValue is always null, so drift on it is
 * judged from its value and interval (or recomputed from the base metric's items grouped by the
 * attribute), never by a paired item test.
 */
export function gapDefinitions(
  bases: readonly MetricDefinition[],
  attributes: readonly string[],
): MetricDefinition[] {
  return attributes.flatMap((attribute) =>
    bases.map((base): MetricDefinition => ({
      name: gapMetricName(base.name, attribute),
      direction: 'lower_is_better',
      statKind: base.statKind,
      // A difference between two groups' values, in the base metric's unit.
      ...(base.unit ? { unit: base.unit } : {}),
      level: 'run',
      itemValue: () => null,
    })),
  );
}

export interface GroupValue {
  value: string;
  metric: number;
  contributions: Contribution[];
}

/** The base metric per value of the attribute, for the values where it is defined. */
export function groupValues(
  base: MetricDefinition,
  attribute: string,
  items: readonly ItemSamples[],
  blockAttributes: readonly string[] = [],
): GroupValue[] {
  const groups: GroupValue[] = [];
  for (const [value, members] of itemsByValue(items, attribute)) {
    const contributions = contributionsOf(base, members, blockAttributes);
    const metric = pointValue(base.statKind, contributions);
    if (metric !== null) groups.push({ value, metric, contributions });
  }
  return groups;
}

/** Worst and best group by the base metric's direction (sliceGap of @lastmile/metrics). */
export function extremeGroups(base: MetricDefinition, groups: readonly GroupValue[]) {
  const byValue = new Map(groups.map((g) => [g.value, g]));
  const gap = sliceGap(new Map(groups.map((g) => [g.value, { value: g.metric }])), base.direction);
  if (gap === null) throw new RangeError('extremeGroups needs at least one group');
  return { worst: byValue.get(gap.worst.slice)!, best: byValue.get(gap.best.slice)!, gap: gap.gap };
}

function compareInput(statKind: MetricDefinition['statKind'], worst: GroupValue, best: GroupValue) {
  const entries = (g: GroupValue) =>
    g.contributions.map((c, i) => [c.itemId ?? `#${i}`, c] as const);
  if (statKind === 'ratio') {
    const toMap = (g: GroupValue) =>
      new Map(
        entries(g).map(([id, c]) => [
          id,
          c.block ? { num: c.num, den: c.den, group: c.block } : { num: c.num, den: c.den },
        ]),
      );
    return { kind: 'ratio' as const, current: toMap(worst), baseline: toMap(best) };
  }
  const toMap = (g: GroupValue) => new Map(entries(g).map(([id, c]) => [id, c.num / c.den]));
  return { kind: statKind, current: toMap(worst), baseline: toMap(best) };
}

/**
 * Largest gap of `base` across the attribute's values: |worst − best|, with the interval of that
 * difference as two independent groups (Newcombe for proportions, bootstrap over items or blocks
 * otherwise). The interval does not allow for the extremes having been picked after the fact.
 * n counts the items of all groups. Null with fewer than two groups.
 */
export function gapValue(
  base: MetricDefinition,
  attribute: string,
  items: readonly ItemSamples[],
  options: { seed: number; blockAttributes?: readonly string[] },
): MetricValue {
  const groups = groupValues(base, attribute, items, options.blockAttributes);
  const name = gapMetricName(base.name, attribute);
  const n = groups.reduce((sum, g) => sum + g.contributions.length, 0);
  if (groups.length < 2)
    return { name, subgroup: ALL_SUBGROUP, value: null, ciLow: null, ciHigh: null, n };
  const { worst, best, gap } = extremeGroups(base, groups);
  const input = {
    ...compareInput(base.statKind, worst, best),
    direction: base.direction,
    paired: false,
    seed: options.seed,
  } as CompareInput;
  const comparison = compareToBaseline(input);
  const sign = base.direction === 'lower_is_better' ? 1 : -1;
  const [low, high] = [
    sign * comparison.deltaInterval.low,
    sign * comparison.deltaInterval.high,
  ].sort((a, b) => a - b);
  return {
    name,
    subgroup: ALL_SUBGROUP,
    value: gap,
    ciLow: low,
    ciHigh: high,
    n,
  };
}

/** One gap per base metric and attribute, in the order of gapDefinitions. */
export function gapValues(
  bases: readonly MetricDefinition[],
  attributes: readonly string[],
  items: readonly ItemSamples[],
  options: { seed: number; blockAttributes?: readonly string[] },
): MetricValue[] {
  return attributes.flatMap((attribute) =>
    bases.map((base) => gapValue(base, attribute, items, options)),
  );
}
