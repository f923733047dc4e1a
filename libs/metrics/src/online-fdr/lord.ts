import type { GammaSequence } from './gamma-sequences';

export interface LordOptions {
  /** The FDR level α in (0, 1). */
  alpha: number;
  /** Initial wealth W₀ in (0, α] (default α/2). */
  w0?: number;
  gamma: GammaSequence;
}

/** One test of an online sequence, as LORD++ decided it. */
export interface LordStep {
  /** 1-based position in the sequence. */
  t: number;
  pValue: number;
  /** The level the test was held to: rejected when pValue ≤ level. */
  level: number;
  rejected: boolean;
  /** Wealth before this test and after it (spent level, plus the payout of a rejection). */
  wealthBefore: number;
  wealthAfter: number;
}

function settings(options: LordOptions) {
  const { alpha } = options;
  const w0 = options.w0 ?? alpha / 2;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  if (!(w0 > 0 && w0 <= alpha)) throw new RangeError(`w0 must be in (0, alpha], got ${w0}`);
  return { alpha, w0, gamma: options.gamma };
}

/**
 * LORD++ (Ramdas, Yang, Wainwright & Jordan 2017, "Online control of the false discovery rate
 * with decaying memory", §3; after Javanmard & Montanari 2018's LORD): the level of test t given
 * the times τ₁ < τ₂ < … of the earlier rejections,
 *
 *   α_t = γ_t·W₀ + (α − W₀)·γ_{t−τ₁} + α·Σ_{j ≥ 2, τ_j < t} γ_{t−τ_j}.
 *
 * Read as wealth: the procedure starts with W₀, each test spends α_t, the first rejection earns
 * α − W₀ and every later one α, and each earning is spent along γ from the test after it. With
 * Σγ ≤ 1 the wealth never goes below 0, and FDR ≤ α when the null p-values are independent of
 * each other and of the non-nulls (Ramdas et al. 2017; Javanmard & Montanari 2018 for LORD). Before the first rejection α_t = γ_t·W₀, so under the global null the chance
 * of any rejection is at most Σ γ_t·W₀ ≤ W₀ whatever the dependence between the p-values.
 */
export function lordLevel(
  t: number,
  rejectionTimes: readonly number[],
  options: LordOptions,
): number {
  const { alpha, w0, gamma } = settings(options);
  if (!(Number.isInteger(t) && t >= 1)) throw new RangeError(`t must be a positive integer`);
  let level = gamma(t) * w0;
  rejectionTimes.forEach((tau, j) => {
    if (tau >= t) return;
    level += (j === 0 ? alpha - w0 : alpha) * gamma(t - tau);
  });
  return level;
}

/** The payout of a rejection: α − W₀ for the first, α for each later one. */
export function lordPayout(previousRejections: number, options: LordOptions): number {
  const { alpha, w0 } = settings(options);
  return previousRejections === 0 ? alpha - w0 : alpha;
}

/** Runs LORD++ over a sequence of p-values in the order they arrived. */
export function lordPlusPlus(pValues: readonly number[], options: LordOptions): LordStep[] {
  const { w0 } = settings(options);
  const rejections: number[] = [];
  let wealth = w0;
  return pValues.map((pValue, index) => {
    const t = index + 1;
    const level = lordLevel(t, rejections, options);
    // A test given no level (the wealth is spent) can reject nothing, not even p = 0.
    const rejected = level > 0 && pValue <= level;
    const wealthBefore = wealth;
    wealth -= level;
    if (rejected) {
      wealth += lordPayout(rejections.length, options);
      rejections.push(t);
    }
    return { t, pValue, level, rejected, wealthBefore, wealthAfter: wealth };
  });
}
