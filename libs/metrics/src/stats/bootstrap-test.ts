import type { Interval } from './interval';
import { twoSidedFromOneSided, type OneSidedPValues } from './one-sided';
import { percentileInterval } from './quantile';

/**
 * Percentile interval and shifted one-sided p-values from bootstrap draws of a change
 * (current − baseline). p for "bad change ≤ δ" is the share of draws with bad change ≤ δ
 * (Bisani & Ney's probability of improvement at δ = 0), as (count + 1)/(B + 1) so that a finite
 * number of resamples never claims p = 0. Sorts `draws` in place.
 */
export function bootstrapChangeTest(
  draws: Float64Array,
  sign: 1 | -1,
  minEffect: number,
  confidence: number,
): { deltaInterval: Interval; pValue: number; oneSided: OneSidedPValues } {
  if (draws.length === 0) throw new RangeError('no defined bootstrap draws (zero denominators)');
  let notWorse = 0;
  let notBetter = 0;
  for (let b = 0; b < draws.length; b++) {
    const badChange = sign * draws[b];
    if (badChange <= minEffect) notWorse++;
    if (-badChange <= minEffect) notBetter++;
  }
  const resamples = draws.length;
  const oneSided = {
    worse: (notWorse + 1) / (resamples + 1),
    better: (notBetter + 1) / (resamples + 1),
  };
  const deltaInterval = percentileInterval(draws, confidence);
  return { deltaInterval, oneSided, pValue: twoSidedFromOneSided(oneSided) };
}
