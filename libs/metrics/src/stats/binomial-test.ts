import { binomialCdf, binomialUpperTail } from './distributions';

/**
 * Exact binomial test of `successes` of n against probability p0. Two-sided p is twice the
 * smaller tail, capped at 1 (the same as R's binom.test when p0 = ½, where the law is symmetric).
 */
export function binomialTest(
  successes: number,
  n: number,
  p0 = 0.5,
): { pValue: number; greater: number; less: number } {
  const less = binomialCdf(successes, n, p0);
  const greater = binomialUpperTail(successes, n, p0);
  return { pValue: Math.min(1, 2 * Math.min(less, greater)), greater, less };
}
