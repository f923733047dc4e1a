import {
  type CounterfactualPair,
  counterfactualGap as meanPairedDifference,
} from '@lastmile/metrics';
import type { MetricDefinition, MetricValue } from '../../scenario-kind';
import type { ItemSamples } from '../../support/item-samples';
import { itemsByValue } from '../../support/subgroups';

export interface PairAttributes {
  pair: string;
  variant: string;
}

/**
 * Per complete pair (≥ 2 variants with a value): its lowest and highest variant outcome, so the
 * paired difference is the gap whichever variant is favoured.
 */
export function pairGaps(
  base: MetricDefinition,
  items: readonly ItemSamples[],
  attributes: PairAttributes,
): { gaps: CounterfactualPair[]; items: number } {
  const gaps: CounterfactualPair[] = [];
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
    gaps.push({ original: Math.min(...values), counterfactual: Math.max(...values) });
    counted += byVariant.size;
  }
  return { gaps, items: counted };
}

/**
 * Counterfactual gap: the mean over pairs of |outcome(variant a) − outcome(variant b)| (the
 * range when a pair has more variants), by @lastmile/metrics' counterfactualGap (bootstrap over
 * pairs) on each pair oriented from its lower to its higher outcome, so that opposite-signed
 * differences of different pairs do not cancel. Items of incomplete pairs
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
  const { meanDifference, interval } = meanPairedDifference(gaps, { seed });
  return { name, subgroup, value: meanDifference, ciLow: interval.low, ciHigh: interval.high, n };
}
