import { createRng, standardNormal } from './rng';

export interface CusumThresholdOptions {
  /** Wanted in-control average run length (observations between false alarms), e.g. 370. */
  targetArl: number;
  /** Reference value in σ units (default 0.5). */
  k?: number;
  seed: number;
  /** Simulated in-control runs per evaluation (default 1000; the ARL's SE is about ARL/√runs). */
  runs?: number;
  /** Draws one standardized in-control observation (default N(0, 1)); pass e.g. a skewed one. */
  sampleInControl?: (rng: () => number) => number;
}

/**
 * Simulated in-control average run length of the one-sided CUSUM with threshold h (σ units).
 * Each run is cut at 100× the target length, which biases the ARL down only negligibly.
 */
export function simulateCusumArl(h: number, options: CusumThresholdOptions): number {
  const k = options.k ?? 0.5;
  const runs = options.runs ?? 1000;
  const sample = options.sampleInControl ?? standardNormal;
  const maxLength = Math.ceil(100 * options.targetArl);
  const rng = createRng(options.seed);
  let total = 0;
  for (let r = 0; r < runs; r++) {
    let s = 0;
    let t = 0;
    while (t < maxLength) {
      t++;
      s = Math.max(0, s + sample(rng) - k);
      if (s > h) break;
    }
    total += t;
  }
  return total / runs;
}

/**
 * Chooses the CUSUM threshold h (σ units) whose simulated in-control ARL matches `targetArl`.
 * Every candidate h is simulated on the same seeded streams (common random numbers), so the
 * simulated ARL is non-decreasing in h and bisection is well defined. For N(0, 1) data and
 * k = 0.5, h = 4 gives a one-sided ARL of 335.4 (Page integral equation; Siegmund: 338);
 * a two-sided scheme (one CUSUM per direction) halves it to the often-quoted 168.
 */
export function chooseCusumThreshold(options: CusumThresholdOptions): { h: number; arl: number } {
  if (!(options.targetArl > 1)) throw new RangeError('targetArl must be > 1');
  // Bracket in steps of 1σ: the ARL grows roughly geometrically in h, so doubling h would
  // overshoot into run lengths that are very expensive to simulate.
  let lo = 0;
  let hi = 1;
  while (simulateCusumArl(hi, options) < options.targetArl) {
    lo = hi;
    hi += 1;
  }
  // 0.01σ is finer than the simulation's own error in h (about ±0.05 with 1000 runs).
  while (hi - lo > 0.01) {
    const mid = (lo + hi) / 2;
    if (simulateCusumArl(mid, options) < options.targetArl) lo = mid;
    else hi = mid;
  }
  return { h: hi, arl: simulateCusumArl(hi, options) };
}
