import type { MetricStatKind } from '@lastmile/scenarios';
import { ItemIds, ItemValues, type ItemValue } from './item-value-columns';

/** An item's value on the metric's own scale: num/den (0 when it has no denominator). */
export const itemShare = (value: ItemValue): number =>
  value.den === 0 ? 0 : value.num / value.den;

/** Sums over one set of item values, computed once per set (the monitor asks many times). */
interface ItemSums {
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
  const sums: ItemSums = { num: 0, den: 0, share: 0, binary: true, rates: true };
  for (let i = 0; i < items.size; i++) {
    const share = items.shareAt(i);
    sums.num += items.num[i];
    sums.den += items.den[i];
    sums.share += share;
    if (share !== 0 && share !== 1) sums.binary = false;
    if (share < 0 || share > 1) sums.rates = false;
  }
  sumsCache.set(items, sums);
  return sums;
}

/**
 * The metric over items, as the drift tests compute it: the mean of item shares for proportions
 * and means, Σnum/Σden for ratios (corpus WER). Null without items (or without a denominator).
 */
export function pointValue(statKind: MetricStatKind, items: ItemValues): number | null {
  const sums = sumsOf(items);
  if (items.size === 0) return null;
  if (statKind === 'ratio') return sums.den === 0 ? null : sums.num / sums.den;
  return sums.share / items.size;
}

/**
 * Item-level standard error of pointValue: sd of shares / √n, or for a ratio the linearized
 * (delta-method) SE √(n/(n−1)·Σ(numᵢ − R·denᵢ)²) / Σden. 0 with fewer than two items.
 */
export function standardError(statKind: MetricStatKind, items: ItemValues): number {
  const { num, den, share } = sumsOf(items);
  const n = items.size;
  if (n < 2) return 0;
  let squares = 0;
  if (statKind === 'ratio') {
    if (den === 0) return 0;
    const ratio = num / den;
    for (let i = 0; i < n; i++) squares += (items.num[i] - ratio * items.den[i]) ** 2;
    return Math.sqrt((n / (n - 1)) * squares) / den;
  }
  const mean = share / n;
  for (let i = 0; i < n; i++) squares += (items.shareAt(i) - mean) ** 2;
  return Math.sqrt(squares / (n - 1) / n);
}

/** Whether every item is a plain 0/1 outcome (then exact tests for proportions apply). */
export function isBinary(items: ItemValues): boolean {
  return sumsOf(items).binary;
}

/**
 * Item values summed item by item (a baseline pooled over runs); sign −1 takes a run back out.
 * Items keep their first position; new ones follow in the added set's order.
 */
export function addItemValues(into: ItemValues, add: ItemValues, sign: 1 | -1 = 1): ItemValues {
  const ids = [...into.ids.list];
  const num = Array.from(into.num);
  const den = Array.from(into.den);
  for (let j = 0; j < add.size; j++) {
    let at = into.indexOf(add.idAt(j));
    if (at < 0) {
      at = ids.length;
      ids.push(add.idAt(j));
      num.push(0);
      den.push(0);
    }
    num[at] += sign * add.num[j];
    den[at] += sign * add.den[j];
  }
  // An item taken back out of every run it was in leaves nothing behind (no 0/0 items).
  const kept = ids.flatMap((_, i) =>
    Math.abs(den[i]) < 1e-12 && Math.abs(num[i]) < 1e-12 ? [] : [i],
  );
  if (kept.length === ids.length)
    return ItemValues.fromColumns(new ItemIds(ids), Float64Array.from(num), Float64Array.from(den));
  return ItemValues.fromColumns(
    kept.map((i) => ids[i]),
    Float64Array.from(kept, (i) => num[i]),
    Float64Array.from(kept, (i) => den[i]),
  );
}

/**
 * A floor for the SE of a rate in [0, 1] over n items (Σden trials for ratios): the binomial SE
 * at the rate smoothed by half a success, (x + ½)/(n + 1). Items that are all 0 (no toxic answer
 * in the baseline) have no spread, yet one item changing is not a 10σ event. 0 when the metric
 * is not a rate (some share outside [0, 1]).
 */
export function rateStandardErrorFloor(statKind: MetricStatKind, items: ItemValues): number {
  const sums = sumsOf(items);
  if (items.size === 0 || !sums.rates) return 0;
  const [successes, trials] =
    statKind === 'ratio' ? [sums.num, sums.den] : [sums.share, items.size];
  if (trials <= 0) return 0;
  const rate = (successes + 0.5) / (trials + 1);
  return Math.sqrt((rate * (1 - rate)) / trials);
}
