import { twoSidedZ } from '../stats/distributions';
import { checkConfidence, DEFAULT_CONFIDENCE, type Interval } from '../stats/interval';

export interface KappaResult {
  kappa: number;
  /** Observed agreement p_o. */
  observed: number;
  /** Chance agreement p_e from the two raters' marginals. */
  expected: number;
  n: number;
  /** Large-sample standard error of Fleiss, Cohen & Everitt (1969); null when p_e = 1. */
  standardError: number | null;
  /** κ ± z·SE, clipped to [−1, 1]; null when undefined. */
  interval: Interval | null;
}

/**
 * Cohen's κ = (p_o − p_e)/(1 − p_e) for two raters labelling the same items (nominal labels).
 * With every label the same for both raters p_e = 1 and κ is undefined: NaN, no interval.
 */
export function cohensKappa(
  pairs: readonly (readonly [string, string])[],
  confidence: number = DEFAULT_CONFIDENCE,
): KappaResult {
  checkConfidence(confidence);
  const n = pairs.length;
  if (n === 0) throw new RangeError('cohensKappa needs at least one pair');
  const labels = [...new Set(pairs.flat())].sort();
  const index = new Map(labels.map((l, i) => [l, i]));
  const k = labels.length;
  // p[i][j]: share of items rater A labelled i and rater B labelled j.
  const p = Array.from({ length: k }, () => new Float64Array(k));
  // Counted, then divided once: summing 1/n per pair drifts (36 agreements gave p_o = 1 + 4e-16).
  for (const [a, b] of pairs) p[index.get(a)!][index.get(b)!] += 1;
  for (const cells of p) for (let j = 0; j < k; j++) cells[j] /= n;
  const row = p.map((r) => r.reduce((s, v) => s + v, 0));
  const col = labels.map((_, j) => p.reduce((s, r) => s + r[j], 0));
  const observed = labels.reduce((s, _, i) => s + p[i][i], 0);
  const expected = labels.reduce((s, _, i) => s + row[i] * col[i], 0);
  if (expected >= 1 - 1e-15) {
    return { kappa: Number.NaN, observed, expected, n, standardError: null, interval: null };
  }
  const kappa = (observed - expected) / (1 - expected);
  // Fleiss, Cohen & Everitt (1969), "Large sample standard errors of kappa and weighted kappa".
  let diagonal = 0;
  let offDiagonal = 0;
  for (let i = 0; i < k; i++) {
    diagonal += p[i][i] * (1 - expected - (row[i] + col[i]) * (1 - observed)) ** 2;
    for (let j = 0; j < k; j++) {
      if (i !== j) offDiagonal += p[i][j] * (col[i] + row[j]) ** 2;
    }
  }
  const variance =
    (diagonal +
      (1 - observed) ** 2 * offDiagonal -
      (observed * expected - 2 * expected + observed) ** 2) /
    (n * (1 - expected) ** 4);
  const standardError = Math.sqrt(Math.max(0, variance));
  const z = twoSidedZ(confidence);
  const interval = {
    low: Math.max(-1, kappa - z * standardError),
    high: Math.min(1, kappa + z * standardError),
  };
  return { kappa, observed, expected, n, standardError, interval };
}
