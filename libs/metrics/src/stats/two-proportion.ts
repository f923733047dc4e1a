import { checkConfidence, DEFAULT_CONFIDENCE, type Interval } from './interval';
import { farringtonManningScoreAt } from './farrington-manning';
import { fisherExactOneSided } from './fisher-exact';
import { newcombeInterval } from './newcombe';
import { twoSidedFromOneSided, type OneSidedPValues } from './one-sided';
import { scoreOneSided } from './score-test';

/** Successes of trials in one independent sample. */
export interface ProportionCount {
  successes: number;
  n: number;
}

// Below this expected cell count the normal approximation is poor (Cochran's rule).
const MIN_EXPECTED_FOR_Z = 5;

/**
 * Unpaired comparison of current vs baseline proportions. With no minimum effect: Fisher exact
 * when an expected cell is small, else the pooled z. With a minimum effect: Farrington–Manning's
 * score test of the shifted null (Fisher has no shifted form). Interval: Newcombe.
 * `sign` is +1 when more successes are bad.
 */
export function compareTwoProportions(
  current: ProportionCount,
  baseline: ProportionCount,
  sign: 1 | -1,
  minEffect: number,
  confidence: number = DEFAULT_CONFIDENCE,
): {
  test: 'two-proportion-z' | 'fisher-exact';
  delta: number;
  deltaInterval: Interval;
  pValue: number;
  oneSided: OneSidedPValues;
} {
  checkConfidence(confidence);
  const { successes: x1, n: n1 } = current;
  const { successes: x2, n: n2 } = baseline;
  if (n1 === 0 || n2 === 0) throw new RangeError('both samples need at least one item');
  const delta = x1 / n1 - x2 / n2;
  const deltaInterval = newcombeInterval(x1, n1, x2, n2, confidence);
  if (minEffect === 0 && smallestExpectedCell(x1, n1, x2, n2) < MIN_EXPECTED_FOR_Z) {
    const fisher = fisherExactOneSided(x1, n1, x2, n2);
    const oneSided =
      sign === 1
        ? { worse: fisher.greater, better: fisher.less }
        : { worse: fisher.less, better: fisher.greater };
    const pValue = twoSidedFromOneSided(oneSided);
    return { test: 'fisher-exact', delta, deltaInterval, pValue, oneSided };
  }
  const oneSided = scoreOneSided(farringtonManningScoreAt(x1, n1, x2, n2), sign, minEffect);
  const pValue = twoSidedFromOneSided(oneSided);
  return { test: 'two-proportion-z', delta, deltaInterval, pValue, oneSided };
}

function smallestExpectedCell(x1: number, n1: number, x2: number, n2: number): number {
  const pooled = (x1 + x2) / (n1 + n2);
  return Math.min(n1, n2) * Math.min(pooled, 1 - pooled);
}
