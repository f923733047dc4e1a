// Loader's (2000) saddle-point evaluation of the binomial probability, as R's dbinom does it:
// accurate to a few ulps at any n, where log-gamma differences lose ~log10(n) digits.

// stirlerr(n) = ln n! − ln(√(2πn)·(n/e)ⁿ) for n = 1…15, by mpmath (40 digits):
// loggamma(n + 1) − (n + ½)·log(n) + n − log(√(2π)).
const STIRLING_ERROR_SMALL = [
  0, 0.08106146679532725822, 0.041340695955409294094, 0.027677925684998339149,
  0.020790672103765093112, 0.016644691189821192163, 0.013876128823070747999,
  0.011896709945891770095, 0.010411265261972096497, 0.0092554621827127329177,
  0.0083305634333628712565, 0.007573675487951840795, 0.0069428401072095298657,
  0.0064089941880042070684, 0.0059513701127588477356, 0.005554733551962801371,
];
const S0 = 1 / 12;
const S1 = 1 / 360;
const S2 = 1 / 1260;
const S3 = 1 / 1680;
const S4 = 1 / 1188;

/** Error of Stirling's formula for ln n! at a whole n ≥ 1 (the asymptotic series past 15). */
function stirlingError(n: number): number {
  if (n <= 15) return STIRLING_ERROR_SMALL[n];
  const nn = n * n;
  if (n > 500) return (S0 - S1 / nn) / n;
  if (n > 80) return (S0 - (S1 - S2 / nn) / nn) / n;
  if (n > 35) return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
  return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}

/** Deviance term x·ln(x/m) + m − x, by its series when x is near m (no cancellation). */
function deviance(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    let v = (x - m) / (x + m);
    let sum = (x - m) * v;
    let term = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      term *= v;
      const next = sum + term / (2 * j + 1);
      if (next === sum) return next;
      sum = next;
    }
    return sum;
  }
  return x * Math.log(x / m) + m - x;
}

/** P(X = k) for X ~ Binomial(n, p), whole k and n, to ~1e-14 relative at any n. */
export function binomialPmf(k: number, n: number, p: number): number {
  if (k < 0 || k > n) return 0;
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  if (k === 0) return Math.exp(n * Math.log1p(-p));
  if (k === n) return Math.exp(n * Math.log(p));
  const q = 1 - p;
  const exponent =
    stirlingError(n) -
    stirlingError(k) -
    stirlingError(n - k) -
    deviance(k, n * p) -
    deviance(n - k, n * q);
  const logScale = Math.log(2 * Math.PI) + Math.log(k) + Math.log1p(-k / n);
  return Math.exp(exponent - 0.5 * logScale);
}
