// jstat ships no type declarations (and there is no @types/jstat), so type the few functions used.
interface JStatSubset {
  normal: {
    inv(p: number, mean: number, sd: number): number;
    cdf(x: number, mean: number, sd: number): number;
  };
  binomial: { pdf(k: number, n: number, p: number): number };
  hypgeom: { pdf(k: number, total: number, successes: number, draws: number): number };
  betafn(a: number, b: number): number;
  ibeta(x: number, a: number, b: number): number;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const jStat = require('jstat') as JStatSubset;

/** Standard normal quantile Φ⁻¹(p) (jstat: erfc-inverse, accurate to ~1e-9 relative). */
export function normalQuantile(p: number): number {
  return jStat.normal.inv(p, 0, 1);
}

/** Standard normal CDF Φ(x). */
export function normalCdf(x: number): number {
  return jStat.normal.cdf(x, 0, 1);
}

/** Upper-tail probability 1 − Φ(x), without cancellation for large x. */
export function normalUpperTail(x: number): number {
  return jStat.normal.cdf(-x, 0, 1);
}

/** z for a two-sided interval of the given confidence, e.g. 1.95996 for 0.95. */
export function twoSidedZ(confidence: number): number {
  return normalQuantile(1 - (1 - confidence) / 2);
}

/**
 * P(X ≤ k) for X ~ Binomial(n, p), via the regularized incomplete beta function:
 * P(X ≤ k) = I_{1−p}(n − k, k + 1). jstat's binomial.cdf sums pdf terms instead, which loses
 * precision and speed for large n. jstat's ibeta (Lanczos log-gamma + continued fraction) is
 * within ~1e-7 relative of the exact sum up to n = 20,000: ample for p-values, not for more.
 */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  return jStat.ibeta(1 - p, n - k, k + 1);
}

/** P(X ≥ k) for X ~ Binomial(n, p) = I_p(k, n − k + 1), without the cancellation of 1 − CDF. */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  return jStat.ibeta(p, k, n - k + 1);
}

/** P(X = k) for X ~ Binomial(n, p). */
export function binomialPmf(k: number, n: number, p: number): number {
  return jStat.binomial.pdf(k, n, p);
}

/** P(X = k) for a hypergeometric draw of `draws` from `total` items of which `successes` succeed. */
export function hypergeometricPmf(
  k: number,
  total: number,
  successes: number,
  draws: number,
): number {
  return jStat.hypgeom.pdf(k, total, successes, draws);
}
