import { hypergeometricPmf } from './distributions';

/**
 * One-sided Fisher exact p-values for x1/n1 against x2/n2: `greater` for p1 > p2
 * (P(X1 ≥ x1)), `less` for p1 < p2 (P(X1 ≤ x1)), X1 hypergeometric given the margins.
 */
export function fisherExactOneSided(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
): { greater: number; less: number } {
  const total = n1 + n2;
  const successes = x1 + x2;
  const lowest = Math.max(0, successes - n2);
  const highest = Math.min(successes, n1);
  let greater = 0;
  let less = 0;
  for (let k = lowest; k <= highest; k++) {
    const p = hypergeometricPmf(k, total, successes, n1);
    if (k >= x1) greater += p;
    if (k <= x1) less += p;
  }
  return { greater: Math.min(1, greater), less: Math.min(1, less) };
}
