import { createRng } from './rng';
import { ratioUnits, type RatioItem } from './bootstrap-ratio';

/** One item scored in both runs: its numerator/denominator now and in the baseline. */
export interface PairedRatioItem {
  current: { num: number; den: number };
  baseline: { num: number; den: number };
  /** Speaker or session: pairs of one group are resampled together. */
  group?: string;
}

/**
 * Paired bootstrap of the change in a corpus ratio over the same resampled items (Bisani & Ney
 * 2004): ΔR = R_cur − R_base with both ratios summed over one resample; with equal
 * denominators this is Σ(e_cur − e_base) / Σn. Returns the defined draws (a resample with a
 * zero denominator has no ratio).
 */
export function pairedRatioDifferenceDraws(
  items: readonly PairedRatioItem[],
  seed: number,
  resamples: number,
): Float64Array {
  const unitOfGroup = new Map<string, number>();
  const sums: number[][] = [];
  for (const item of items) {
    let unit = item.group === undefined ? undefined : unitOfGroup.get(item.group);
    if (unit === undefined) {
      unit = sums.length;
      sums.push([0, 0, 0, 0]);
      if (item.group !== undefined) unitOfGroup.set(item.group, unit);
    }
    const s = sums[unit];
    s[0] += item.current.num;
    s[1] += item.current.den;
    s[2] += item.baseline.num;
    s[3] += item.baseline.den;
  }
  const numCur = Float64Array.from(sums, (s) => s[0]);
  const denCur = Float64Array.from(sums, (s) => s[1]);
  const numBase = Float64Array.from(sums, (s) => s[2]);
  const denBase = Float64Array.from(sums, (s) => s[3]);
  const n = sums.length;
  const rng = createRng(seed);
  const draws = new Float64Array(resamples);
  let defined = 0;
  for (let b = 0; b < resamples; b++) {
    let nc = 0;
    let dc = 0;
    let nb = 0;
    let db = 0;
    for (let i = 0; i < n; i++) {
      const unit = Math.floor(rng() * n);
      nc += numCur[unit];
      dc += denCur[unit];
      nb += numBase[unit];
      db += denBase[unit];
    }
    if (dc !== 0 && db !== 0) draws[defined++] = nc / dc - nb / db;
  }
  return draws.subarray(0, defined);
}

/** Unpaired bootstrap of ΔR* = R_cur* − R_base*, each run resampled on its own (blockwise by group). */
export function unpairedRatioDifferenceDraws(
  current: readonly RatioItem[],
  baseline: readonly RatioItem[],
  seed: number,
  resamples: number,
): Float64Array {
  const cur = ratioUnits(current);
  const base = ratioUnits(baseline);
  const rng = createRng(seed);
  const draws = new Float64Array(resamples);
  let defined = 0;
  for (let b = 0; b < resamples; b++) {
    const rc = resampledRatio(cur.nums, cur.dens, rng);
    const rb = resampledRatio(base.nums, base.dens, rng);
    if (Number.isFinite(rc) && Number.isFinite(rb)) draws[defined++] = rc - rb;
  }
  return draws.subarray(0, defined);
}

function resampledRatio(nums: Float64Array, dens: Float64Array, rng: () => number): number {
  const n = nums.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    const unit = Math.floor(rng() * n);
    num += nums[unit];
    den += dens[unit];
  }
  return den === 0 ? Number.NaN : num / den;
}
