import { twoSidedZ } from './distributions';
import { checkConfidence, DEFAULT_CONFIDENCE, type Interval } from './interval';
import { mcnemarExact } from './mcnemar';
import { twoSidedFromOneSided, type OneSidedPValues } from './one-sided';
import { invertScore, safeScore, scoreOneSided, type ScoreAt } from './score-test';

/** Paired correct/incorrect counts: the 2×2 table of baseline × current outcomes. */
export interface PairedProportionCounts {
  /** Items counted (all pairs). */
  n: number;
  /** Success in the baseline, failure now. */
  lost: number;
  /** Failure in the baseline, success now. */
  gained: number;
}

/**
 * Tango's (1998) score statistic for a paired difference of proportions d = (gained − lost)/n
 * at the null value d0; p̃ is the restricted ML estimate of the "lost" cell. At d0 = 0 it is
 * McNemar's z = (gained − lost)/√(gained + lost).
 */
export function tangoScoreAt(counts: PairedProportionCounts): ScoreAt {
  const { n, lost, gained } = counts;
  return (d0) => {
    const a = 2 * n;
    const b = -gained - lost + (2 * n - gained + lost) * d0;
    const c = -lost * d0 * (1 - d0);
    const pLost = (Math.sqrt(Math.max(0, b * b - 4 * a * c)) - b) / (2 * a);
    return safeScore(gained - lost - n * d0, n * (2 * pLost + d0 * (1 - d0)));
  };
}

/**
 * Paired comparison of a success proportion. With no minimum effect: exact McNemar. With one,
 * the exact conditional test has no shifted form, so Tango's score test is used instead.
 * `sign` is +1 when more successes are bad (e.g. the proportion is an error rate).
 */
export function comparePairedProportion(
  counts: PairedProportionCounts,
  sign: 1 | -1,
  minEffect: number,
  confidence: number = DEFAULT_CONFIDENCE,
): {
  test: 'mcnemar-exact' | 'paired-score-z';
  delta: number;
  deltaInterval: Interval;
  pValue: number;
  oneSided: OneSidedPValues;
} {
  checkConfidence(confidence);
  const scoreAt = tangoScoreAt(counts);
  const delta = counts.n === 0 ? 0 : (counts.gained - counts.lost) / counts.n;
  const deltaInterval = invertScore(scoreAt, twoSidedZ(confidence), -1, 1);
  if (minEffect === 0) {
    const exact = mcnemarExact(
      sign === 1 ? counts.gained : counts.lost,
      sign === 1 ? counts.lost : counts.gained,
    );
    const oneSided = { worse: exact.worse, better: exact.better };
    return { test: 'mcnemar-exact', delta, deltaInterval, pValue: exact.twoSided, oneSided };
  }
  const oneSided = scoreOneSided(scoreAt, sign, minEffect);
  const pValue = twoSidedFromOneSided(oneSided);
  return { test: 'paired-score-z', delta, deltaInterval, pValue, oneSided };
}
