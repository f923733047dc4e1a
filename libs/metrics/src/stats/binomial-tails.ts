import type betaincFunction from '@stdlib/math-base-special-betainc';
import type binomialCdfFunction from '@stdlib/stats-base-dists-binomial-cdf';
import { binomialPmf } from './binomial-pmf';

// Required on first use: stdlib's modules cost ~35 ms at start-up that `lastmile run`, which
// may never test a proportion, would pay on every run.
let stdlib: { cdf: typeof binomialCdfFunction; betainc: typeof betaincFunction } | undefined;
function stdlibFunctions() {
  /* eslint-disable @typescript-eslint/no-require-imports */
  stdlib ??= {
    cdf: require('@stdlib/stats-base-dists-binomial-cdf'),
    betainc: require('@stdlib/math-base-special-betainc'),
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  return stdlib!;
}

// stdlib's CDF (a port of Boost's regularized incomplete beta) is within 7e-10 relative of scipy
// 1.17 up to n = 3·10⁷ on a grid of tails, but off by 6e-6 at n = 10⁸ and by 4% at n = 10⁹ near
// the mean. Past this size the tail is summed term by term from Loader's saddle-point pmf.
const STDLIB_MAX_N = 10_000_000;

// Stop summing when the geometric bound on the remaining terms is below this share of the sum.
const SUM_RELATIVE_TOLERANCE = 1e-17;

/** The two tails of X ~ Binomial(n, p) split at k: P(X ≤ k) and P(X > k). */
export interface BinomialTails {
  atMost: number;
  above: number;
}

/**
 * P(X ≤ k) and P(X > k), each to ~1e-9 relative or better for n up to 2⁵³ (the smaller tail
 * relative to itself, the larger as 1 − the smaller). k is rounded down.
 */
export function binomialTails(k: number, n: number, p: number): BinomialTails {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`n must be a whole number ≥ 0`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in [0, 1], got ${p}`);
  if (Number.isNaN(k)) throw new RangeError('k must be a number');
  const x = Math.floor(k);
  if (x < 0) return { atMost: 0, above: 1 };
  if (x >= n) return { atMost: 1, above: 0 };
  if (p === 0) return { atMost: 1, above: 0 };
  if (p === 1) return { atMost: 0, above: 1 };
  if (n <= STDLIB_MAX_N) {
    // P(X > x) = I_p(x + 1, n − x), the regularized incomplete beta (lower, not 1 − upper).
    const { cdf, betainc } = stdlibFunctions();
    const atMost = clampProbability(cdf(x, n, p));
    return { atMost, above: clampProbability(betainc(p, x + 1, n - x, true, false)) };
  }
  if (x < n * p) {
    const atMost = Math.min(1, lowerTailSum(x, n, p));
    return { atMost, above: 1 - atMost };
  }
  const above = Math.min(1, upperTailSum(x, n, p));
  return { atMost: 1 - above, above };
}

const clampProbability = (value: number) => Math.min(1, Math.max(0, value));

/** P(X ≤ x) for x < np: pmf(x)·Σ_j pmf(j)/pmf(x) over j = x, x − 1, …, terms shrinking. */
export function lowerTailSum(x: number, n: number, p: number): number {
  const odds = (1 - p) / p;
  let term = 1;
  let sum = 1;
  for (let j = x; j > 0; j--) {
    const ratio = (j / (n - j + 1)) * odds; // pmf(j − 1)/pmf(j) < 1 below the mean
    term *= ratio;
    sum += term;
    if ((term * ratio) / (1 - ratio) < SUM_RELATIVE_TOLERANCE * sum) break;
  }
  return binomialPmf(x, n, p) * sum;
}

/** P(X > x) for x ≥ np: pmf(x + 1)·Σ_j pmf(j)/pmf(x + 1) over j = x + 1, x + 2, …, shrinking. */
export function upperTailSum(x: number, n: number, p: number): number {
  const odds = p / (1 - p);
  let term = 1;
  let sum = 1;
  for (let j = x + 1; j < n; j++) {
    const ratio = ((n - j) / (j + 1)) * odds; // pmf(j + 1)/pmf(j) < 1 above the mean
    term *= ratio;
    sum += term;
    if ((term * ratio) / (1 - ratio) < SUM_RELATIVE_TOLERANCE * sum) break;
  }
  return binomialPmf(x + 1, n, p) * sum;
}
