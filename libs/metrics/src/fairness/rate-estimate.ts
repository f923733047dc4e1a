import { wilsonInterval } from '../stats/wilson';

/** A rate with its Wilson interval and the counts it came from. */
export interface RateEstimate {
  value: number;
  low: number;
  high: number;
  successes: number;
  n: number;
}

/** successes/n with a Wilson interval; null when n = 0 (the rate is undefined, not 0). */
export function rateEstimate(successes: number, n: number, confidence = 0.95): RateEstimate | null {
  if (n === 0) return null;
  const { low, high } = wilsonInterval(successes, n, confidence);
  return { value: successes / n, low, high, successes, n };
}

/** Entries of a Map or a plain record, for inputs keyed by group or occupation. */
export function keyedEntries<T>(
  keyed: ReadonlyMap<string, T> | Readonly<Record<string, T>>,
): [string, T][] {
  return keyed instanceof Map ? [...keyed.entries()] : Object.entries(keyed as Record<string, T>);
}
