import { checkConfidence, DEFAULT_CONFIDENCE, DEFAULT_RESAMPLES } from '../stats/interval';
import type { BootstrapOptions, Interval } from '../stats/interval';
import { createRng } from '../stats/rng';

/** One unit (an occupation) with the two quantities whose correlation is measured. */
export interface CorrelationPoint {
  x: number;
  y: number;
}

/**
 * Pearson's r of the points; null with fewer than two points or when x or y does not vary
 * (the correlation is undefined, not 0).
 */
export function pearsonCorrelation(points: readonly CorrelationPoint[]): number | null {
  const n = points.length;
  if (n < 2) return null;
  let sx = 0;
  let sy = 0;
  for (const { x, y } of points) {
    sx += x;
    sy += y;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const { x, y } of points) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  if (sxx === 0 || syy === 0) return null;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/**
 * Pearson's r with a percentile bootstrap interval over points (units resampled whole, as
 * Winogender's occupations); resamples where r is undefined are left out. Null r: no interval.
 */
export function correlationWithInterval(
  points: readonly CorrelationPoint[],
  options: BootstrapOptions,
): { r: number | null; interval: Interval | null; n: number } {
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  checkConfidence(confidence);
  const r = pearsonCorrelation(points);
  if (r === null) return { r, interval: null, n: points.length };
  const rng = createRng(options.seed);
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const draws: number[] = [];
  const resample: CorrelationPoint[] = new Array(points.length);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < points.length; i++) resample[i] = points[Math.floor(rng() * points.length)];
    const drawn = pearsonCorrelation(resample);
    if (drawn !== null) draws.push(drawn);
  }
  draws.sort((a, b) => a - b);
  const tail = (1 - confidence) / 2;
  return {
    r,
    interval: { low: quantile(draws, tail), high: quantile(draws, 1 - tail) },
    n: points.length,
  };
}

// Hyndman–Fan type 7, as the rest of the library's percentile intervals.
function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}
