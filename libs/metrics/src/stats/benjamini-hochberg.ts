/**
 * Benjamini–Hochberg q-values, in the input order: sort p ascending,
 * q_(k) = min over j ≥ k of p_(j)·m/j, capped at 1. Rejecting q ≤ α controls the FDR at α.
 */
export function benjaminiHochbergQValues(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((_, i) => i).sort((a, b) => pValues[a] - pValues[b]);
  const q = new Array<number>(m);
  let runningMin = 1;
  for (let rank = m; rank >= 1; rank--) {
    const index = order[rank - 1];
    // m / rank ≥ 1 first, so rounding can never push q below p.
    runningMin = Math.min(runningMin, pValues[index] * (m / rank));
    q[index] = runningMin;
  }
  return q;
}
