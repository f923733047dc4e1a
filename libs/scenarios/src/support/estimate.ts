import { bootstrapMeanInterval, bootstrapRatioInterval, wilsonInterval } from '@lastmile/metrics';
import type { MetricStatKind, MetricValue } from '../scenario-kind';

/** One item's contribution to a metric; `block` groups items resampled together (speaker). */
export interface Contribution {
  itemId?: string;
  num: number;
  den: number;
  block?: string;
}

export type Estimate = Omit<MetricValue, 'name' | 'subgroup'>;

export const EMPTY_ESTIMATE: Estimate = { value: null, ciLow: null, ciHigh: null, n: 0 };

/**
 * Value and 95% interval of a metric from its items' contributions: Wilson for proportions
 * (Σnum successes of Σden), seeded bootstrap over items for means (num/den per item) and ratios
 * (Σnum/Σden, whole blocks resampled). n is the number of contributing items.
 */
export function estimate(
  statKind: MetricStatKind,
  contributions: readonly Contribution[],
  seed: number,
): Estimate {
  const n = contributions.length;
  const num = contributions.reduce((sum, c) => sum + c.num, 0);
  const den = contributions.reduce((sum, c) => sum + c.den, 0);
  if (n === 0 || den === 0) return { ...EMPTY_ESTIMATE, n };
  if (statKind === 'proportion') {
    const { low, high } = wilsonInterval(num, den);
    return { value: num / den, ciLow: low, ciHigh: high, n };
  }
  if (statKind === 'mean') {
    const values = contributions.filter((c) => c.den !== 0).map((c) => c.num / c.den);
    const { low, high } = bootstrapMeanInterval(values, { seed });
    const value = values.reduce((a, b) => a + b, 0) / values.length;
    return { value, ciLow: low, ciHigh: high, n };
  }
  const items = contributions.map(({ num, den, block }) =>
    block === undefined ? { num, den } : { num, den, group: block },
  );
  const { low, high } = bootstrapRatioInterval(items, { seed });
  return { value: num / den, ciLow: low, ciHigh: high, n };
}

/** The statistic `estimate` reports, without an interval (used inside bootstrap loops). */
export function pointValue(
  statKind: MetricStatKind,
  contributions: readonly Contribution[],
): number | null {
  if (statKind === 'mean') {
    const values = contributions.filter((c) => c.den !== 0).map((c) => c.num / c.den);
    return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
  }
  const den = contributions.reduce((sum, c) => sum + c.den, 0);
  return den === 0 ? null : contributions.reduce((sum, c) => sum + c.num, 0) / den;
}
