import { mcnemarExact } from '../stats/mcnemar';

export interface JudgeDriftResult {
  /** Calibration items scored in both runs. */
  n: number;
  baselineAgreement: number | null;
  currentAgreement: number | null;
  /** Agreed with people in the baseline, disagrees now. */
  lost: number;
  /** Disagreed in the baseline, agrees now. */
  gained: number;
  /** Exact McNemar, one-sided: agreement dropped. */
  pWorse: number;
  pTwoSided: number;
  drifted: boolean;
}

/**
 * Has the judge drifted from people? Paired on the calibration items both runs scored: per item,
 * did the judge agree with the human label then and now. Exact McNemar on the discordant items
 * (the same test as paired correct/incorrect drift); drift when the one-sided p < alpha.
 */
export function judgeDriftTest(
  baseline: ReadonlyMap<string, boolean>,
  current: ReadonlyMap<string, boolean>,
  alpha = 0.05,
): JudgeDriftResult {
  let n = 0;
  let lost = 0;
  let gained = 0;
  let agreedBefore = 0;
  let agreesNow = 0;
  for (const [itemId, before] of baseline) {
    const now = current.get(itemId);
    if (now === undefined) continue;
    n++;
    if (before) agreedBefore++;
    if (now) agreesNow++;
    if (before && !now) lost++;
    if (!before && now) gained++;
  }
  const test = mcnemarExact(lost, gained);
  return {
    n,
    baselineAgreement: n === 0 ? null : agreedBefore / n,
    currentAgreement: n === 0 ? null : agreesNow / n,
    lost,
    gained,
    pWorse: test.worse,
    pTwoSided: test.twoSided,
    drifted: test.worse < alpha,
  };
}
