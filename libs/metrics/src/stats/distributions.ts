import type erfcFunction from '@stdlib/math-base-special-erfc';

// Required on first use (~20 ms of start-up for a process that may never compute a tail).
let erfcFn: typeof erfcFunction | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const erfc = (x: number) => (erfcFn ??= require('@stdlib/math-base-special-erfc'))(x);
import { binomialPmf } from './binomial-pmf';
import { binomialTails } from './binomial-tails';

// jstat ships no type declarations (and there is no @types/jstat), so type the few functions used.
interface JStatSubset {
  normal: {
    inv(p: number, mean: number, sd: number): number;
  };
  studentt: { inv(p: number, dof: number): number; cdf(x: number, dof: number): number };
  hypgeom: { pdf(k: number, total: number, successes: number, draws: number): number };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const jStat = require('jstat') as JStatSubset;

/** Standard normal quantile Φ⁻¹(p) (jstat: erfc-inverse, accurate to ~1e-9 relative). */
export function normalQuantile(p: number): number {
  return jStat.normal.inv(p, 0, 1);
}

/** Student t quantile with `df` degrees of freedom (jstat: within ~1e-8 of scipy's t.ppf). */
export function studentTQuantile(p: number, df: number): number {
  return jStat.studentt.inv(p, df);
}

/** Student t CDF with `df` degrees of freedom; ±∞ map to 0 and 1. */
export function studentTCdf(x: number, df: number): number {
  if (x === Number.POSITIVE_INFINITY) return 1;
  if (x === Number.NEGATIVE_INFINITY) return 0;
  return Math.min(1, Math.max(0, jStat.studentt.cdf(x, df)));
}

/** Standard normal CDF Φ(x), by erfc: relative accuracy in the lower tail too. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/**
 * Upper-tail probability 1 − Φ(x) = ½·erfc(x/√2), to full relative accuracy far into the tail
 * (jstat's 1 − Φ lost digits past z ≈ 7 and returned 0 from 8.3).
 */
export function normalUpperTail(x: number): number {
  return 0.5 * erfc(x / Math.SQRT2);
}

/** z for a two-sided interval of the given confidence, e.g. 1.95996 for 0.95. */
export function twoSidedZ(confidence: number): number {
  return normalQuantile(1 - (1 - confidence) / 2);
}

/**
 * P(X ≤ k) for X ~ Binomial(n, p), in [0, 1], to ~1e-9 relative or better up to n = 2⁵³
 * (binomialTails: stdlib's incomplete beta to 10⁷ trials, an exact tail sum beyond).
 */
export function binomialCdf(k: number, n: number, p: number): number {
  return binomialTails(k, n, p).atMost;
}

/** P(X ≥ k) for X ~ Binomial(n, p), without the cancellation of 1 − CDF. */
export function binomialUpperTail(k: number, n: number, p: number): number {
  return binomialTails(k - 1, n, p).above;
}

export { binomialPmf };

/** P(X = k) for a hypergeometric draw of `draws` from `total` items of which `successes` succeed. */
export function hypergeometricPmf(
  k: number,
  total: number,
  successes: number,
  draws: number,
): number {
  return jStat.hypgeom.pdf(k, total, successes, draws);
}
