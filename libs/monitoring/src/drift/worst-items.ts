import type { MetricDefinition } from '@lastmile/scenarios';
import { badSign } from './bad-direction';
import { itemShare, itemValueList, pointValue, type ItemValues } from './item-value-stats';

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
  const values = itemValueList(current);
  const totalDen = values.reduce((sum, v) => sum + v.den, 0);
  const perItem =
    'value' in reference && typeof reference.value === 'number' ? null : (reference as ItemValues);
  const fallback = perItem
    ? (pointValue(metric.statKind, perItem) ?? 0)
    : (reference as { value: number }).value;
  const sign = badSign(metric.direction);
  // One pass keeping only the items that made things worse (a subgroup can hold 20,000 items).
  const worse: WorstItem[] = [];
  for (const itemId in current) {
    const value = current[itemId];
    const before = perItem?.[itemId];
    const weight =
      metric.statKind === 'ratio' ? (totalDen === 0 ? 0 : value.den / totalDen) : 1 / values.length;
    const base = before ? itemShare(before) : fallback;
    const contribution = sign * weight * (itemShare(value) - base);
    if (contribution > 0)
      worse.push({
        itemId,
        baseline: before ? itemShare(before) : null,
        current: itemShare(value),
        contribution,
      });
  }
  return worse
    .sort((a, b) => b.contribution - a.contribution || (a.itemId < b.itemId ? -1 : 1))
    .slice(0, limit);
}
