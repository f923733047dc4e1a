import type { MetricDefinition } from '@lastmile/scenarios';
import { badSign } from './bad-direction';
import { alignItems, ItemValues } from './item-value-columns';
import { pointValue } from './item-value-stats';

export interface WorstItem {
  itemId: string;
  /** The item's value in the baseline (null when the baseline did not have it). */
  baseline: number | null;
  current: number;
  /** The item's share of the change of the metric, in metric units, positive = worse. */
  contribution: number;
}

/**
 * The items that moved the metric most in the bad direction: item i contributes
 * wᵢ·(curᵢ − refᵢ) signed to the bad side, with wᵢ = 1/n (proportions and means) or denᵢ/Σden
 * (ratios: its share of the corpus), refᵢ its baseline value (or the whole reference value when
 * the baseline lacks it). For a paired test these contributions sum to the change. Only items
 * that made things worse, largest first.
 */
export function worstItems(
  metric: Pick<MetricDefinition, 'direction' | 'statKind'>,
  reference: ItemValues | { value: number },
  current: ItemValues,
  limit = 5,
): WorstItem[] {
  const perItem = reference instanceof ItemValues ? reference : null;
  const fallback = perItem
    ? (pointValue(metric.statKind, perItem) ?? 0)
    : (reference as { value: number }).value;
  const baselineAt = perItem ? baselinePositions(current, perItem) : null;
  let totalDen = 0;
  for (let i = 0; i < current.size; i++) totalDen += current.den[i];
  const sign = badSign(metric.direction);
  // One pass keeping the `limit` largest (a subgroup can hold 20,000 items, most of them worse).
  const worst: WorstItem[] = [];
  for (let i = 0; i < current.size; i++) {
    const weight =
      metric.statKind === 'ratio'
        ? totalDen === 0
          ? 0
          : current.den[i] / totalDen
        : 1 / current.size;
    const before = baselineAt && baselineAt[i] >= 0 ? perItem!.shareAt(baselineAt[i]) : null;
    const contribution = sign * weight * (current.shareAt(i) - (before ?? fallback));
    if (!(contribution > 0)) continue;
    const item = {
      itemId: current.idAt(i),
      baseline: before,
      current: current.shareAt(i),
      contribution,
    };
    if (worst.length === limit && !ranksBefore(item, worst[limit - 1])) continue;
    let at = Math.min(worst.length, limit - 1);
    while (at > 0 && ranksBefore(item, worst[at - 1])) at -= 1;
    worst.splice(at, 0, item);
    if (worst.length > limit) worst.pop();
  }
  return worst;
}

/** Largest contribution first, then item id. */
const ranksBefore = (a: WorstItem, b: WorstItem) =>
  a.contribution > b.contribution || (a.contribution === b.contribution && a.itemId < b.itemId);

/** For each current item, its position in the baseline (−1: the baseline does not have it). */
function baselinePositions(current: ItemValues, baseline: ItemValues): Int32Array {
  const at = new Int32Array(current.size).fill(-1);
  const aligned = alignItems(current, baseline);
  for (let k = 0; k < aligned.current.length; k++) at[aligned.current[k]] = aligned.baseline[k];
  return at;
}
