import { benjaminiHochbergQValues } from './benjamini-hochberg';
import type { DriftComparison } from './drift-comparison';
import { badSign } from './direction';

export type DriftVerdict = 'worse' | 'better' | 'no_change';

export interface DecideDriftOptions {
  /** False discovery rate for the Benjamini–Hochberg step across the run's tests (default 0.05). */
  alpha?: number;
  /** Smallest change worth a verdict, in metric units; defaults to each result's own minEffect. */
  minEffect?: number;
  /**
   * 'two-sided' (default) uses pValue and can say 'better'; 'worse' uses the one-sided pWorse,
   * more powerful when only regressions matter, and never says 'better'.
   */
  alternative?: 'two-sided' | 'worse';
  /**
   * q-values already adjusted together with the run's other tests (disparity contrasts), in the
   * order of the results; by default BH across these results alone.
   */
  qValues?: readonly number[];
}

export type DriftDecision<T extends DriftComparison = DriftComparison> = T & {
  qValue: number;
  verdict: DriftVerdict;
};

/**
 * Verdicts for all the tests of one run. 'worse' only when q < alpha AND the change is at least
 * the minimum effect AND it goes in the bad direction; 'better' likewise in the good direction.
 */
export function decideDrift<T extends DriftComparison>(
  results: readonly T[],
  options: DecideDriftOptions = {},
): DriftDecision<T>[] {
  const alpha = options.alpha ?? 0.05;
  const alternative = options.alternative ?? 'two-sided';
  const pValues = results.map((r) => (alternative === 'worse' ? r.pWorse : r.pValue));
  const qValues = options.qValues ?? benjaminiHochbergQValues(pValues);
  return results.map((result, i) => {
    const qValue = qValues[i];
    const minEffect = options.minEffect ?? result.minEffect;
    const badChange = badSign(result.direction) * result.delta;
    let verdict: DriftVerdict = 'no_change';
    if (qValue < alpha && badChange > 0 && badChange >= minEffect) verdict = 'worse';
    else if (
      alternative === 'two-sided' &&
      qValue < alpha &&
      -badChange > 0 &&
      -badChange >= minEffect
    ) {
      verdict = 'better';
    }
    return { ...result, qValue, verdict };
  });
}
