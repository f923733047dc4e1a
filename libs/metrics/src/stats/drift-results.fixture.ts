import type { DriftComparison } from './drift-comparison';

/** A drift comparison with plausible defaults, for specs that only care about a few fields. */
export function driftResult(overrides: Partial<DriftComparison>): DriftComparison {
  return {
    kind: 'ratio',
    direction: 'lower_is_better',
    test: 'paired-bootstrap',
    paired: true,
    baselineValue: 0.15,
    currentValue: 0.15,
    delta: 0,
    deltaInterval: { low: -0.01, high: 0.01 },
    confidence: 0.95,
    minEffect: 0,
    pValue: 1,
    pWorse: 0.5,
    pBetter: 0.5,
    n: { baseline: 200, current: 200 },
    ...overrides,
  };
}
