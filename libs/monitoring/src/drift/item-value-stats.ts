import type { MetricStatKind } from '@lastmile/scenarios';
import type { ItemValue } from './item-values';

export type ItemValues = Readonly<Record<string, ItemValue>>;

/** An item's value on the metric's own scale: num/den (0 when it has no denominator). */
export const itemShare = (value: ItemValue): number =>
  value.den === 0 ? 0 : value.num / value.den;

/** Sums over one set of item values, computed once per set (the monitor asks many times). */
interface ItemSums {
  values: ItemValue[];
  num: number;
  den: number;
  share: number;
  binary: boolean;
  /** Every share within [0, 1]. */
  rates: boolean;
}

// Item-value sets are never mutated once built (addItemValues returns a new one), so their sums
// can be kept beside them; a WeakMap lets each set's entry go with it.
const sumsCache = new WeakMap<ItemValues, ItemSums>();

function sumsOf(items: ItemValues): ItemSums {
  const cached = sumsCache.get(items);
  if (cached) return cached;
  const values = Object.values(items);
  const sums: ItemSums = { values, num: 0, den: 0, share: 0, binary: true, rates: true };
  for (const value of values) {
    const share = itemShare(value);
    sums.num += value.num;
    sums.den += value.den;
    sums.share += share;
    if (share !== 0 && share !== 1) sums.binary = false;
    if (share < 0 || share > 1) sums.rates = false;
  }
  sumsCache.set(items, sums);
  return sums;
}

/** The item values of a set, as an array (shared: do not modify). */
export const itemValueList = (items: ItemValues): readonly ItemValue[] => sumsOf(items).values;

/**
 * The metric over items, as the drift tests compute it: the mean of item shares for proportions
 * and means, Σnum/Σden for ratios (corpus WER). Null without items (or without a denominator).
 */
export function pointValue(statKind: MetricStatKind, items: ItemValues): number | null {
  const sums = sumsOf(items);
  if (sums.values.length === 0) return null;
  if (statKind === 'ratio') return sums.den === 0 ? null : sums.num / sums.den;
  return sums.share / sums.values.length;
}

/**
 * Item-level standard error of pointValue: sd of shares / √n, or for a ratio the linearized
 * (delta-method) SE √(n/(n−1)·Σ(numᵢ − R·denᵢ)²) / Σden. 0 with fewer than two items.
 */
export function standardError(statKind: MetricStatKind, items: ItemValues): number {
  const { values, num, den, share } = sumsOf(items);
  const n = values.length;
  if (n < 2) return 0;
  if (statKind === 'ratio') {
    if (den === 0) return 0;
    const ratio = num / den;
    const squares = sum(values, (v) => (v.num - ratio * v.den) ** 2);
    return Math.sqrt((n / (n - 1)) * squares) / den;
  }
  const mean = share / n;
  const variance = sum(values, (v) => (itemShare(v) - mean) ** 2) / (n - 1);
  return Math.sqrt(variance / n);
}

/** Whether every item is a plain 0/1 outcome (then exact tests for proportions apply). */
export function isBinary(items: ItemValues): boolean {
  return sumsOf(items).binary;
}

/** Item values summed item by item (a baseline pooled over runs); sign −1 takes a run back out. */
export function addItemValues(
  into: ItemValues,
  add: ItemValues,
  sign: 1 | -1 = 1,
): Record<string, ItemValue> {
  const out: Record<string, ItemValue> = { ...into };
  for (const [id, value] of Object.entries(add)) {
    const before = out[id] ?? { num: 0, den: 0 };
    const next = { num: before.num + sign * value.num, den: before.den + sign * value.den };
    // An item taken back out of every run it was in leaves nothing behind (no 0/0 items).
    if (Math.abs(next.den) < 1e-12 && Math.abs(next.num) < 1e-12) delete out[id];
    else out[id] = next;
  }
  return out;
}

function sum<T>(values: readonly T[], of: (value: T) => number): number {
  let total = 0;
  for (const value of values) total += of(value);
  return total;
}

/**
 * A floor for the SE of a rate in [0, 1] over n items (Σden trials for ratios): the binomial SE
 * at the rate smoothed by half a success, (x + ½)/(n + 1). Items that are all 0 (no toxic answer
 * in the baseline) have no spread, yet one item changing is not a 10σ event. 0 when the metric
 * is not a rate (some share outside [0, 1]).
 */
export function rateStandardErrorFloor(statKind: MetricStatKind, items: ItemValues): number {
  const sums = sumsOf(items);
  if (sums.values.length === 0 || !sums.rates) return 0;
  const [successes, trials] =
    statKind === 'ratio' ? [sums.num, sums.den] : [sums.share, sums.values.length];
  if (trials <= 0) return 0;
  const rate = (successes + 0.5) / (trials + 1);
  return Math.sqrt((rate * (1 - rate)) / trials);
}
