import type { MetricDirection } from '../stats/direction';
import type { Interval } from '../stats/interval';
import { keyedEntries } from './rate-estimate';

/** A metric's value on one value of an attribute (accent = "scottish", noise = "cafe" …). */
export interface SliceValue {
  value: number;
  interval?: Interval;
  n?: number;
}

export interface SliceGap {
  /** |best − worst|, in metric units. */
  gap: number;
  worst: SliceValue & { slice: string };
  best: SliceValue & { slice: string };
  /**
   * Whether the worst and best slices' intervals overlap (null without intervals). Overlap does
   * not prove equality, but a gap whose intervals overlap may well be noise.
   */
  intervalsOverlap: boolean | null;
}

/** Largest gap of any metric across the values of an attribute, with the worst and best value. */
export function sliceGap(
  slices: ReadonlyMap<string, SliceValue> | Readonly<Record<string, SliceValue>>,
  direction: MetricDirection,
): SliceGap | null {
  const entries = keyedEntries(slices).map(([slice, v]) => ({ slice, ...v }));
  if (entries.length === 0) return null;
  const better = (a: SliceValue, b: SliceValue) =>
    direction === 'higher_is_better' ? a.value > b.value : a.value < b.value;
  const best = entries.reduce((a, b) => (better(b, a) ? b : a));
  const worst = entries.reduce((a, b) => (better(a, b) ? b : a));
  const intervalsOverlap =
    best.interval && worst.interval
      ? best.interval.low <= worst.interval.high && worst.interval.low <= best.interval.high
      : null;
  return { gap: Math.abs(best.value - worst.value), worst, best, intervalsOverlap };
}
