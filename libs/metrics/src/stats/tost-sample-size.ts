import { normalCdf, normalQuantile } from './distributions';

export interface TostSampleSizeInput {
  /** Expected rates in the two groups (e.g. observed FRRs). */
  rateA: number;
  rateB: number;
  /** Equivalence margin Δ: parity means |rateA − rateB| < Δ. */
  tolerance: number;
  alpha?: number;
  power?: number;
}

/** Normal-approximation power of TOST with n per group (Chow, Shao & Wang, ch. 4). */
export function tostPower(input: TostSampleSizeInput, n: number): number {
  const { rateA, rateB, tolerance } = input;
  const z = normalQuantile(1 - (input.alpha ?? 0.05));
  const se = Math.sqrt((rateA * (1 - rateA) + rateB * (1 - rateB)) / n);
  const d = rateA - rateB;
  const power = normalCdf((tolerance - d) / se - z) + normalCdf((tolerance + d) / se - z) - 1;
  return Math.max(0, power);
}

// Beyond this the answer is "not feasible", and integer bisection would outrun double precision.
const MAX_ITEMS_PER_GROUP = 1e12;

/**
 * Items per group for TOST to show parity with the wanted power (default 0.8) when the true
 * rates are the given ones; null when |rateA − rateB| ≥ tolerance (parity is then false) or
 * more than 10¹² items would be needed. At d = 0 this is (z₁₋α + z₁₋β/₂)²·(pA·qA + pB·qB)/Δ².
 */
export function tostItemsPerGroup(input: TostSampleSizeInput): number | null {
  const targetPower = input.power ?? 0.8;
  if (Math.abs(input.rateA - input.rateB) >= input.tolerance) return null;
  let hi = 1;
  while (tostPower(input, hi) < targetPower) {
    hi *= 2;
    if (hi > MAX_ITEMS_PER_GROUP) return null;
  }
  let lo = hi / 2;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (tostPower(input, mid) >= targetPower) hi = mid;
    else lo = mid;
  }
  return Math.max(1, Math.ceil(hi));
}

/**
 * The fewest items per group with which parity can be shown at all: even an observed difference
 * of exactly 0 then just fits the (1 − 2α) interval inside ±Δ. z²₁₋α·(pA·qA + pB·qB)/Δ²;
 * at rates near 5% and Δ = 0.01 that is about 2,600 (METHODS.md).
 */
export function tostMinimumItemsPerGroup(input: TostSampleSizeInput): number {
  const z = normalQuantile(1 - (input.alpha ?? 0.05));
  const variance = input.rateA * (1 - input.rateA) + input.rateB * (1 - input.rateB);
  return Math.ceil((z * z * variance) / input.tolerance ** 2);
}

/**
 * The smallest equivalence margin Δ that TOST with n items per group shows with the wanted power
 * (default 0.8) at the given rates; at equal rates (z₁₋α + z₁₋β/₂)·√((pA·qA + pB·qB)/n). What a
 * slice of n items per group can certify; null when no margin below 1 reaches the power.
 */
export function tostToleranceSupported(
  rates: Omit<TostSampleSizeInput, 'tolerance'>,
  itemsPerGroup: number,
): number | null {
  const targetPower = rates.power ?? 0.8;
  const powerAt = (tolerance: number) => tostPower({ ...rates, tolerance }, itemsPerGroup);
  let lo = Math.abs(rates.rateA - rates.rateB);
  let hi = 1;
  if (!(itemsPerGroup > 0) || powerAt(hi) < targetPower) return null;
  for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    if (powerAt(mid) >= targetPower) hi = mid;
    else lo = mid;
  }
  return hi;
}
