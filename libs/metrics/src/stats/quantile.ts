import { normalUpperTail, studentTQuantile } from './distributions';

/**
 * Quantile of an ascending-sorted sample by linear interpolation between order statistics
 * (Hyndman–Fan type 7, the default of R and NumPy).
 */
export function sortedQuantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const position = (n - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, n - 1);
  const weight = position - below;
  return sorted[below] + weight * (sorted[above] - sorted[below]);
}

/** Percentile interval of a bootstrap distribution; sorts `draws` in place. */
export function percentileInterval(
  draws: Float64Array,
  confidence: number,
): { low: number; high: number } {
  draws.sort();
  const tail = (1 - confidence) / 2;
  return { low: sortedQuantile(draws, tail), high: sortedQuantile(draws, 1 - tail) };
}

/**
 * The percentile level at which a bootstrap interval covers like a t interval (Hesterberg's
 * expanded percentile interval, 2015): the level whose z is √ratio·t₁₋α/₂,df, where ratio is the
 * unbiased over the bootstrap's variance — c/(c − 1) for c resampled units, df = c − 1, the
 * default (0.9886 for 95% at 8 units). Unchanged for df < 1.
 */
export function expandedConfidence(confidence: number, df: number, varianceRatio?: number): number {
  if (!(df >= 1)) return confidence;
  const ratio = varianceRatio ?? (df + 1) / df;
  const z = Math.sqrt(ratio) * studentTQuantile(1 - (1 - confidence) / 2, df);
  return 1 - 2 * normalUpperTail(z);
}
