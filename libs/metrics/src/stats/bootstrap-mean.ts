import {
  checkConfidence,
  DEFAULT_CONFIDENCE,
  DEFAULT_RESAMPLES,
  type BootstrapOptions,
  type Interval,
} from './interval';
import { percentileInterval } from './quantile';
import { createRng } from './rng';

/** Percentile bootstrap interval for the mean of `values` (items resampled with replacement). */
export function bootstrapMeanInterval(values: readonly number[], opts: BootstrapOptions): Interval {
  const confidence = opts.confidence ?? DEFAULT_CONFIDENCE;
  const resamples = opts.resamples ?? DEFAULT_RESAMPLES;
  checkConfidence(confidence);
  if (values.length === 0) throw new RangeError('bootstrapMeanInterval needs at least one value');
  const sample = Float64Array.from(values);
  const n = sample.length;
  const rng = createRng(opts.seed);
  const draws = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += sample[Math.floor(rng() * n)];
    draws[b] = sum / n;
  }
  return percentileInterval(draws, confidence);
}
