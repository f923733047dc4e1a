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
 * (Σnum/Σden). When contributions carry a block (speaker, session), every kind is resampled by
 * whole blocks instead (Bisani & Ney's blockwise bootstrap; a mean is Σvalue/Σ1 over blocks),
 * since items of one speaker are correlated and item-level intervals under-cover.
 * n is the number of contributing items.
 */
export function estimate(
  statKind: MetricStatKind,
  contributions: readonly Contribution[],
  seed: number,
  /** Bootstrap resamples (default 2000; simulations use fewer). */
  resamples?: number,
): Estimate {
  const n = contributions.length;
  const num = contributions.reduce((sum, c) => sum + c.num, 0);
  const den = contributions.reduce((sum, c) => sum + c.den, 0);
  if (n === 0 || den === 0) return { ...EMPTY_ESTIMATE, n };
  if (statKind !== 'ratio' && contributions.some((c) => c.block !== undefined)) {
    return blockEstimate(statKind, contributions, seed, resamples);
  }
  if (statKind === 'proportion') {
    const { low, high } = wilsonInterval(num, den);
    return { value: num / den, ciLow: low, ciHigh: high, n };
  }
  if (statKind === 'mean') {
    const values = contributions.filter((c) => c.den !== 0).map((c) => c.num / c.den);
    const { low, high } = bootstrapMeanInterval(values, { seed, resamples });
    const value = values.reduce((a, b) => a + b, 0) / values.length;
    return { value, ciLow: low, ciHigh: high, n };
  }
  const items = contributions.map(({ num, den, block }) =>
    block === undefined ? { num, den } : { num, den, group: block },
  );
  const { low, high } = bootstrapRatioInterval(items, { seed, resamples });
  return { value: num / den, ciLow: low, ciHigh: high, n };
}

/** Proportions and means resampled by whole blocks; the point value is unchanged. */
function blockEstimate(
  statKind: MetricStatKind,
  contributions: readonly Contribution[],
  seed: number,
  resamples?: number,
): Estimate {
  const units =
    statKind === 'mean'
      ? contributions
          .filter((c) => c.den !== 0)
          .map((c) => ({ num: c.num / c.den, den: 1, block: c.block }))
      : contributions;
  const items = units.map(({ num, den, block }) =>
    block === undefined ? { num, den } : { num, den, group: block },
  );
  const { low, high } = bootstrapRatioInterval(items, { seed, resamples });
  return {
    value: pointValue(statKind, contributions),
    ciLow: low,
    ciHigh: high,
    n: contributions.length,
  };
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
