import { studentTQuantile } from '../stats/distributions';
import type { Interval } from '../stats/interval';
import { sortedQuantile } from '../stats/quantile';
import { createRng } from '../stats/rng';

/** Standard error of the mean of `values` around `mean` (n − 1 in the variance). */
export function standardErrorOfMean(values: ArrayLike<number>, mean: number): number {
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += (values[i] - mean) ** 2;
  return Math.sqrt(squares / (values.length - 1) / values.length);
}

// Fewest values for the studentized bootstrap; fewer get a t interval.
const MIN_VALUES_FOR_BOOTSTRAP_T = 5;

/**
 * Interval for the mean of independent terms that may be skewed (squared effects less their
 * noise): the studentized bootstrap (bootstrap-t, Efron & Tibshirani 1993 ch. 12) from 5 terms
 * on, t interval for 2–4, null for fewer. Resamples whose terms are all equal are left out.
 */
export function studentizedMeanInterval(
  terms: readonly number[],
  options: { seed: number; confidence: number; resamples: number },
): Interval | null {
  const k = terms.length;
  if (k < 2) return null;
  const mean = terms.reduce((a, b) => a + b, 0) / k;
  const se = standardErrorOfMean(terms, mean);
  if (se === 0) return { low: mean, high: mean };
  const tail = (1 - options.confidence) / 2;
  if (k < MIN_VALUES_FOR_BOOTSTRAP_T) {
    const half = studentTQuantile(1 - tail, k - 1) * se;
    return { low: mean - half, high: mean + half };
  }
  const rng = createRng(options.seed);
  const t = new Float64Array(options.resamples);
  const draw = new Float64Array(k);
  let defined = 0;
  for (let r = 0; r < options.resamples; r++) {
    let sum = 0;
    for (let i = 0; i < k; i++) sum += draw[i] = terms[Math.floor(rng() * k)];
    const drawnMean = sum / k;
    const drawnSe = standardErrorOfMean(draw, drawnMean);
    if (drawnSe > 0) t[defined++] = (drawnMean - mean) / drawnSe;
  }
  if (defined === 0) return { low: mean, high: mean };
  const sorted = t.subarray(0, defined).sort();
  return {
    low: mean - sortedQuantile(sorted, 1 - tail) * se,
    high: mean - sortedQuantile(sorted, tail) * se,
  };
}
