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
