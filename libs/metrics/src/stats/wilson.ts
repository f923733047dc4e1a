import { checkConfidence, DEFAULT_CONFIDENCE, type Interval } from './interval';
import { twoSidedZ } from './distributions';

/**
 * Wilson score interval for `successes` of `n` (METHODS.md): centre (x + z²/2)/(n + z²),
 * half-width z·√n/(n + z²)·√(p̂(1 − p̂) + z²/(4n)). n = 0 gives the uninformative [0, 1].
 */
export function wilsonInterval(
  successes: number,
  n: number,
  confidence: number = DEFAULT_CONFIDENCE,
): Interval {
  checkConfidence(confidence);
  if (!Number.isInteger(n) || n < 0 || successes < 0 || successes > n) {
    throw new RangeError(`need 0 ≤ successes ≤ n with integer n, got ${successes}/${n}`);
  }
  if (n === 0) return { low: 0, high: 1 };
  const z = twoSidedZ(confidence);
  const z2 = z * z;
  const rate = successes / n;
  const centre = (successes + z2 / 2) / (n + z2);
  const halfWidth = ((z * Math.sqrt(n)) / (n + z2)) * Math.sqrt(rate * (1 - rate) + z2 / (4 * n));
  // At x = 0 (x = n) the lower (upper) bound is exactly 0 (1); rounding must not move it.
  const low = successes === 0 ? 0 : Math.max(0, centre - halfWidth);
  const high = successes === n ? 1 : Math.min(1, centre + halfWidth);
  return { low, high };
}
