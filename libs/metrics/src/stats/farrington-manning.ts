import type { ScoreAt } from './score-test';
import { safeScore } from './score-test';

/**
 * Restricted ML estimate of p2 under p1 − p2 = d0 for x1/n1 and x2/n2 successes.
 * The constrained log-likelihood is concave in p2, so its derivative is bisected; this is more
 * robust at the edges (zero counts) than Miettinen–Nurminen's closed-form cubic root.
 */
export function restrictedP2(x1: number, n1: number, x2: number, n2: number, d0: number): number {
  const slope = (p2: number): number => {
    const p1 = p2 + d0;
    let s = 0;
    if (x1 > 0) s += x1 / p1;
    if (n1 - x1 > 0) s -= (n1 - x1) / (1 - p1);
    if (x2 > 0) s += x2 / p2;
    if (n2 - x2 > 0) s -= (n2 - x2) / (1 - p2);
    return s;
  };
  let lo = Math.max(0, -d0);
  let hi = Math.min(1, 1 - d0);
  for (let i = 0; i < 200 && hi - lo > 1e-15; i++) {
    const mid = (lo + hi) / 2;
    if (slope(mid) > 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Farrington–Manning (1990) score statistic for p1 − p2 at the null value d0, with the
 * variance at the restricted ML estimates. At d0 = 0 it is the pooled two-proportion z.
 */
export function farringtonManningScoreAt(x1: number, n1: number, x2: number, n2: number): ScoreAt {
  const estimate = x1 / n1 - x2 / n2;
  return (d0) => {
    const p2 = restrictedP2(x1, n1, x2, n2, d0);
    const p1 = p2 + d0;
    return safeScore(estimate - d0, (p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  };
}
