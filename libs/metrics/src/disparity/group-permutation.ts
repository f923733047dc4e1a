import { MOMENTS, type PairedUnits } from '../stats/paired-units';
import { createRng } from '../stats/rng';
import { contrastOf } from './contrast-statistic';

// Relabelled statistics within this relative distance of the observed one count as ties.
const TIE_TOLERANCE = 1e-12;

/** n choose k, or Infinity once it passes `cap`. */
export function choose(n: number, k: number, cap: number): number {
  let result = 1;
  for (let i = 1; i <= Math.min(k, n - k); i++) {
    result = (result * (n - Math.min(k, n - k) + i)) / i;
    if (result > cap) return Number.POSITIVE_INFINITY;
  }
  return Math.round(result);
}

/**
 * One-sided p-values of the studentized contrast of a group of `size` units against the rest
 * under random relabelling of which units form the group (the null: group membership does not
 * affect the change). `exact`: every subset (p = share at least as extreme, the observed one
 * included); otherwise random subsets, p = (1 + count)/(1 + permutations).
 */
export function relabellingPValues(
  units: PairedUnits,
  size: number,
  observed: number,
  sign: 1 | -1,
  setup: { total: Float64Array; pooledVariance: number },
  plan: { exact: true } | { exact: false; permutations: number; seed: number },
): { pWorse: number; pBetter: number } {
  const all = units.count;
  const target = sign * observed;
  const tie = TIE_TOLERANCE * Math.max(1, Math.abs(target));
  const { moments } = units;
  const selected = new Float64Array(MOMENTS);
  const rest = new Float64Array(MOMENTS);
  let atLeast = 0;
  let atMost = 0;
  let draws = 0;
  // Hot loop (every relabelling of every group): sums inlined rather than through addUnit.
  const tally = (chosen: Int32Array) => {
    selected.fill(0);
    for (let i = 0; i < size; i++) {
      const offset = chosen[i] * MOMENTS;
      for (let j = 0; j < MOMENTS; j++) selected[j] += moments[offset + j];
    }
    const { statistic } = contrastOf(selected, size, setup.total, all, setup.pooledVariance, rest);
    const value = sign * statistic;
    if (value >= target - tie) atLeast++;
    if (value <= target + tie) atMost++;
    draws++;
  };
  if (plan.exact) {
    const chosen = Int32Array.from({ length: size }, (_, i) => i);
    for (;;) {
      tally(chosen);
      let i = size - 1;
      while (i >= 0 && chosen[i] === all - size + i) i--;
      if (i < 0) break;
      chosen[i]++;
      for (let j = i + 1; j < size; j++) chosen[j] = chosen[j - 1] + 1;
    }
    return { pWorse: atLeast / draws, pBetter: atMost / draws };
  }
  const rng = createRng(plan.seed);
  const order = Int32Array.from({ length: all }, (_, i) => i);
  for (let draw = 0; draw < plan.permutations; draw++) {
    for (let i = 0; i < size; i++) {
      const j = i + Math.floor(rng() * (all - i));
      const swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    tally(order);
  }
  return { pWorse: (atLeast + 1) / (draws + 1), pBetter: (atMost + 1) / (draws + 1) };
}
