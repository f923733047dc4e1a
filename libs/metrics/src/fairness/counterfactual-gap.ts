import { bootstrapMeanInterval } from '../stats/bootstrap-mean';
import type { BootstrapOptions, Interval } from '../stats/interval';

/** An outcome (score, toxicity, acceptance 0/1) for a prompt and for its demographic swap. */
export interface CounterfactualPair {
  original: number;
  counterfactual: number;
}

/**
 * Mean paired difference counterfactual − original over prompts that differ only in a
 * demographic term, with a bootstrap interval over prompts (pairs resampled whole).
 */
export function counterfactualGap(
  pairs: readonly CounterfactualPair[],
  options: BootstrapOptions,
): { meanDifference: number; interval: Interval; n: number } {
  if (pairs.length === 0) throw new RangeError('counterfactualGap needs at least one pair');
  const differences = pairs.map((p) => p.counterfactual - p.original);
  const meanDifference = differences.reduce((a, b) => a + b, 0) / differences.length;
  return { meanDifference, interval: bootstrapMeanInterval(differences, options), n: pairs.length };
}
