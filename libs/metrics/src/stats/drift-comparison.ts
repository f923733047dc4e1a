import type { RatioItem } from './bootstrap-ratio';
import type { MetricDirection } from './direction';
import type { Interval } from './interval';
import type { ItemStats } from './item-stats';

export type DriftTestName =
  | 'mcnemar-exact'
  | 'paired-score-z'
  | 'two-proportion-z'
  | 'fisher-exact'
  | 'paired-bootstrap'
  | 'bootstrap'
  | 'paired-delta-z'
  | 'delta-z'
  | 'run-spread-z';

export interface CompareOptions {
  direction: MetricDirection;
  /** Pair items by id; 'auto' (default) pairs when ≥ 90% of each run's ids are shared. */
  paired?: boolean | 'auto';
  /** δ ≥ 0 in metric units: the p-values test "the change is at most δ", not "no change". */
  minEffect?: number;
  seed: number;
  resamples?: number;
  confidence?: number;
}

/** Per-item input: 0/1 (or boolean) outcomes, numerator/denominator pairs, or plain values. */
export type CompareInput = CompareOptions &
  (
    | {
        kind: 'proportion';
        baseline: ItemStats<boolean | number>;
        current: ItemStats<boolean | number>;
      }
    | { kind: 'ratio'; baseline: ItemStats<RatioItem>; current: ItemStats<RatioItem> }
    | { kind: 'mean'; baseline: ItemStats<number>; current: ItemStats<number> }
  );

export interface DriftComparison {
  kind: CompareInput['kind'];
  direction: MetricDirection;
  test: DriftTestName;
  paired: boolean;
  /** Metric values on the items the test used (the shared items when paired). */
  baselineValue: number;
  currentValue: number;
  /** current − baseline, in metric units. */
  delta: number;
  deltaInterval: Interval;
  confidence: number;
  minEffect: number;
  /** Two-sided: twice the smaller of pWorse and pBetter, capped at 1. */
  pValue: number;
  /** One-sided p of the null "the change in the bad direction is at most minEffect". */
  pWorse: number;
  /** One-sided p of the null "the change in the good direction is at most minEffect". */
  pBetter: number;
  n: { baseline: number; current: number };
}
