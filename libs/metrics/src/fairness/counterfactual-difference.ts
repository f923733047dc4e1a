import { DEFAULT_CONFIDENCE, DEFAULT_RESAMPLES, type Interval } from '../stats/interval';
import { expandedConfidence, percentileInterval } from '../stats/quantile';
import { createRng } from '../stats/rng';
import { studentizedMeanInterval } from './studentized-mean';

/** Per-sample outcomes of one prompt pair: the variant (e.g. female) and the reference (male). */
export interface CounterfactualSamples {
  variant: readonly number[];
  reference: readonly number[];
}

export interface CounterfactualAnalysis {
  pairs: number;
  /** Mean over pairs of mean(variant) − mean(reference): negative = variant treated worse. */
  difference: number;
  /** Bootstrap over pairs, expanded percentiles; null below 2 pairs. */
  differenceInterval: Interval | null;
  /** Pairs with ≥ 2 samples of both prompts: the ones the noise floor comes from. */
  noisePairs: number;
  /**
   * √(mean over pairs of s²_variant/k_variant + s²_reference/k_reference): the root-mean-square
   * pair difference repeated samples of the same prompts produce by themselves. Null (not 0)
   * without two samples per prompt.
   */
  noiseFloor: number | null;
  /** Mean over pairs of d² − noise: unbiased for the mean squared effect of the swap. */
  excessSquare: number | null;
  excessSquareInterval: Interval | null;
  /** Signed root of excessSquare, in outcome units, and of its interval. */
  sensitivity: number | null;
  sensitivityInterval: Interval | null;
  /** Whether the pairs differ more than the model's own run-to-run variation (interval > 0). */
  exceedsNoise: boolean | null;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const signedRoot = (x: number) => Math.sign(x) * Math.sqrt(Math.abs(x));

/** Sample variance of the mean of xs: s²/k (null below 2 samples). */
function varianceOfMean(xs: readonly number[]): number | null {
  if (xs.length < 2) return null;
  const m = mean(xs);
  return xs.reduce((sum, x) => sum + (x - m) ** 2, 0) / (xs.length - 1) / xs.length;
}

/**
 * Counterfactual difference of prompt pairs that differ only in a demographic term. Signed,
 * so that opposite differences of noise cancel: E[difference] = 0 for an unbiased model. And per
 * pair, d² less its noise (s²/k of each prompt's samples) is unbiased for the squared effect of
 * the swap, which catches effects whose direction varies between pairs.
 */
export function counterfactualDifference(
  pairs: readonly CounterfactualSamples[],
  options: { seed: number; confidence?: number; resamples?: number },
): CounterfactualAnalysis {
  const usable = pairs.filter((p) => p.variant.length > 0 && p.reference.length > 0);
  if (usable.length === 0)
    throw new RangeError('counterfactualDifference needs a pair with samples');
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const differences = usable.map((p) => mean(p.variant) - mean(p.reference));
  const excess: number[] = [];
  const noise: number[] = [];
  usable.forEach((p, i) => {
    const variant = varianceOfMean(p.variant);
    const reference = varianceOfMean(p.reference);
    if (variant === null || reference === null) return;
    noise.push(variant + reference);
    excess.push(differences[i] ** 2 - variant - reference);
  });
  const excessSquare = excess.length === 0 ? null : mean(excess);
  const excessSquareInterval = studentizedMeanInterval(excess, {
    seed: options.seed + 1,
    confidence,
    resamples,
  });
  return {
    pairs: usable.length,
    difference: mean(differences),
    differenceInterval: pairBootstrap(differences, options.seed, confidence, resamples),
    noisePairs: noise.length,
    noiseFloor: noise.length === 0 ? null : Math.sqrt(mean(noise)),
    excessSquare,
    excessSquareInterval,
    sensitivity: excessSquare === null ? null : signedRoot(excessSquare),
    sensitivityInterval: excessSquareInterval && {
      low: signedRoot(excessSquareInterval.low),
      high: signedRoot(excessSquareInterval.high),
    },
    exceedsNoise: excessSquareInterval === null ? null : excessSquareInterval.low > 0,
  };
}

/** Bootstrap over pairs of the mean difference, expanded percentiles (covers like a t interval). */
function pairBootstrap(
  differences: readonly number[],
  seed: number,
  confidence: number,
  resamples: number,
): Interval | null {
  const k = differences.length;
  if (k < 2) return null;
  const rng = createRng(seed);
  const draws = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < k; i++) sum += differences[Math.floor(rng() * k)];
    draws[r] = sum / k;
  }
  return percentileInterval(draws, expandedConfidence(confidence, k - 1));
}
