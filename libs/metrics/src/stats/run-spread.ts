import type { DriftComparison } from './drift-comparison';
import { badSign } from './direction';
import { twoSidedZ } from './distributions';
import { normalOneSided, twoSidedFromOneSided } from './one-sided';

/** Sample standard deviation (n − 1) of a metric across repeated baseline runs; 0 for < 2 runs. */
export function betweenRunSd(runValues: readonly number[]): number {
  const k = runValues.length;
  if (k < 2) return 0;
  const mean = runValues.reduce((a, b) => a + b, 0) / k;
  const squares = runValues.reduce((sum, v) => sum + (v - mean) ** 2, 0);
  return Math.sqrt(squares / (k - 1));
}

/**
 * Standard error to judge a change by: the larger of the item-level SE (resampling items) and
 * the between-run SD (what reruns of the same model vary by: sampling, nondeterminism).
 */
export function effectiveStandardError(
  itemLevelSe: number,
  baselineRunValues: readonly number[],
): number {
  return Math.max(itemLevelSe, betweenRunSd(baselineRunValues));
}

/**
 * Re-judges a comparison when reruns of the baseline vary more than item resampling predicts:
 * the item-level SE is read off the comparison's interval (half-width / z), and if the
 * between-run SD is larger, the p-values and interval become normal ones with that SD
 * (test 'run-spread-z'). Otherwise the comparison is returned unchanged.
 */
export function adjustForRunSpread(
  result: DriftComparison,
  baselineRunValues: readonly number[],
): DriftComparison {
  const z = twoSidedZ(result.confidence);
  const itemLevelSe = (result.deltaInterval.high - result.deltaInterval.low) / (2 * z);
  const se = effectiveStandardError(itemLevelSe, baselineRunValues);
  if (se <= itemLevelSe) return result;
  const badChange = badSign(result.direction) * result.delta;
  const oneSided = normalOneSided(
    (badChange - result.minEffect) / se,
    (-badChange - result.minEffect) / se,
  );
  return {
    ...result,
    test: 'run-spread-z',
    deltaInterval: { low: result.delta - z * se, high: result.delta + z * se },
    pValue: twoSidedFromOneSided(oneSided),
    pWorse: oneSided.worse,
    pBetter: oneSided.better,
  };
}
