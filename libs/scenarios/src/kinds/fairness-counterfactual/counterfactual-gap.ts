import { bootstrapMeanInterval } from '@lastmile/metrics';
import type { MetricDefinition, MetricValue } from '../../scenario-kind';
import type { ItemSamples } from '../../support/item-samples';
import { itemsByValue } from '../../support/subgroups';

export interface PairAttributes {
  pair: string;
  variant: string;
}

/** Per complete pair (≥ 2 variants with a value): the largest difference between its variants. */
export function pairGaps(
  base: MetricDefinition,
  items: readonly ItemSamples[],
  attributes: PairAttributes,
): { gaps: number[]; items: number } {
  const gaps: number[] = [];
  let counted = 0;
  for (const members of itemsByValue(items, attributes.pair).values()) {
    const byVariant = new Map<string, number>();
    for (const item of members) {
      const variant = item.attributes[attributes.variant];
      const value = base.itemValue(item.samples);
      if (variant !== undefined && value !== null && value.den !== 0) {
        byVariant.set(variant, value.num / value.den);
      }
    }
    if (byVariant.size < 2) continue;
    const values = [...byVariant.values()];
    gaps.push(Math.max(...values) - Math.min(...values));
    counted += byVariant.size;
  }
  return { gaps, items: counted };
}

/**
 * Counterfactual gap: the mean over pairs of |outcome(variant a) − outcome(variant b)| (the
 * range when a pair has more variants), with a bootstrap over pairs. Items of incomplete pairs
 * (a variant errored or lies outside the subgroup) are left out; n counts the items used.
 */
export function counterfactualGap(
  name: string,
  base: MetricDefinition,
  items: readonly ItemSamples[],
  attributes: PairAttributes,
  subgroup: string,
  seed: number,
): MetricValue {
  const { gaps, items: n } = pairGaps(base, items, attributes);
  if (gaps.length === 0) return { name, subgroup, value: null, ciLow: null, ciHigh: null, n: 0 };
  const { low, high } = bootstrapMeanInterval(gaps, { seed });
  const value = gaps.reduce((a, b) => a + b, 0) / gaps.length;
  return { name, subgroup, value, ciLow: low, ciHigh: high, n };
}
