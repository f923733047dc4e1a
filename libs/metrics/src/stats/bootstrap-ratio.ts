import {
  checkConfidence,
  DEFAULT_CONFIDENCE,
  DEFAULT_RESAMPLES,
  type BootstrapOptions,
  type Interval,
} from './interval';
import { percentileInterval } from './quantile';
import { createRng } from './rng';

/** One item of a ratio metric, e.g. an utterance's word errors (num) and reference words (den). */
export interface RatioItem {
  num: number;
  den: number;
  /** Speaker or session: items of one group are resampled together. */
  group?: string;
}

/** Per-resampling-unit totals: one unit per group, or per item when an item has no group. */
export interface RatioUnits {
  nums: Float64Array;
  dens: Float64Array;
}

/** Sums items into resampling units (blockwise bootstrap: Bisani & Ney 2004). */
export function ratioUnits(items: readonly RatioItem[]): RatioUnits {
  const unitOfGroup = new Map<string, number>();
  const nums: number[] = [];
  const dens: number[] = [];
  for (const item of items) {
    let unit = item.group === undefined ? undefined : unitOfGroup.get(item.group);
    if (unit === undefined) {
      unit = nums.length;
      nums.push(0);
      dens.push(0);
      if (item.group !== undefined) unitOfGroup.set(item.group, unit);
    }
    nums[unit] += item.num;
    dens[unit] += item.den;
  }
  return { nums: Float64Array.from(nums), dens: Float64Array.from(dens) };
}

/**
 * Bootstrap draws of Σnum/Σden over resampled units, into `draws`; returns how many are defined
 * (a resample whose denominators sum to 0 has no ratio and is left out).
 */
export function fillRatioDraws(units: RatioUnits, rng: () => number, draws: Float64Array): number {
  const { nums, dens } = units;
  const n = nums.length;
  let defined = 0;
  for (let b = 0; b < draws.length; b++) {
    let sumNum = 0;
    let sumDen = 0;
    for (let i = 0; i < n; i++) {
      const unit = Math.floor(rng() * n);
      sumNum += nums[unit];
      sumDen += dens[unit];
    }
    if (sumDen !== 0) draws[defined++] = sumNum / sumDen;
  }
  return defined;
}

/**
 * Percentile bootstrap interval for a corpus ratio Σnum / Σden (e.g. corpus WER). When items
 * carry `group`, whole groups are resampled, since utterances of one speaker are correlated.
 */
export function bootstrapRatioInterval(
  items: readonly RatioItem[],
  opts: BootstrapOptions,
): Interval {
  const confidence = opts.confidence ?? DEFAULT_CONFIDENCE;
  checkConfidence(confidence);
  const units = ratioUnits(items);
  if (units.dens.reduce((sum, den) => sum + den, 0) === 0) {
    throw new RangeError('bootstrapRatioInterval needs a positive total denominator');
  }
  const draws = new Float64Array(opts.resamples ?? DEFAULT_RESAMPLES);
  const defined = fillRatioDraws(units, createRng(opts.seed), draws);
  return percentileInterval(draws.subarray(0, defined), confidence);
}
