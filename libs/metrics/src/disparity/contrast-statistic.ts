import { linearizedVariance, MOMENTS, ratioChange } from '../stats/paired-units';

/** The contrast of a set of units against all the others, and its parts. */
export interface Contrast {
  delta: number;
  restDelta: number;
  contrast: number;
  /** Linearised variances of delta and restDelta, each shrunk by one pseudo-unit (below). */
  variance: number;
  restVariance: number;
  /** contrast / √(variance + restVariance). */
  statistic: number;
}

/**
 * Contrast of `selected` (summed moments of `size` units) against the rest of `total` (`all`
 * units): Δ_group − Δ_rest, studentized by the linearised variances so that a permutation test on
 * it stays valid when groups differ in spread (Janssen 1997; Chung & Romano 2013). Each variance
 * is shrunk toward the pooled one by one pseudo-unit — (k·V + V_pool(k))/(k + 1), V_pool(k) =
 * V_all·all/k — so that a group of identical changes gets a finite statistic.
 */
export function contrastOf(
  selected: Float64Array,
  size: number,
  total: Float64Array,
  all: number,
  pooledVariance: number,
  rest: Float64Array = new Float64Array(MOMENTS),
): Contrast {
  for (let j = 0; j < MOMENTS; j++) rest[j] = total[j] - selected[j];
  const restSize = all - size;
  const delta = ratioChange(selected);
  const restDelta = ratioChange(rest);
  const shrink = (m: Float64Array, k: number) =>
    (k * linearizedVariance(m, k) + (pooledVariance * all) / k) / (k + 1);
  const variance = shrink(selected, size);
  const restVariance = shrink(rest, restSize);
  const contrast = delta - restDelta;
  const spread = Math.sqrt(variance + restVariance);
  const statistic =
    spread > 0 ? contrast / spread : contrast === 0 ? 0 : Math.sign(contrast) * Infinity;
  return { delta, restDelta, contrast, variance, restVariance, statistic };
}

/** Welch–Satterthwaite degrees of freedom of v₁ + v₂ estimated from k₁ and k₂ units. */
export function welchDf(v1: number, k1: number, v2: number, k2: number): number {
  if (k1 < 2 || k2 < 2) return 0;
  const denominator = (v1 * v1) / (k1 - 1) + (v2 * v2) / (k2 - 1);
  return denominator > 0 ? (v1 + v2) ** 2 / denominator : Math.min(k1, k2) - 1;
}
