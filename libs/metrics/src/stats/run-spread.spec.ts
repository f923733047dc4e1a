import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { twoSidedZ } from './distributions';
import { driftResult } from './drift-results.fixture';
import { adjustForRunSpread, betweenRunSd, effectiveStandardError } from './run-spread';

const close = (actual: number, expected: number, tolerance = 1e-9) =>
  assert.ok(Math.abs(actual - expected) < tolerance, `${actual} ≠ ${expected}`);

describe('between-run spread', () => {
  it('estimates the between-run SD with n − 1 (0.10, 0.12, 0.14 -> 0.02)', () => {
    close(betweenRunSd([0.1, 0.12, 0.14]), 0.02);
    assert.equal(betweenRunSd([0.1]), 0);
  });

  it('uses the larger of the item-level SE and the between-run SD', () => {
    close(effectiveStandardError(0.005, [0.1, 0.12, 0.14]), 0.02);
    close(effectiveStandardError(0.03, [0.1, 0.12, 0.14]), 0.03);
  });

  it('re-tests with the between-run SD when reruns vary more than items: z = 0.05/0.02 = 2.5', () => {
    const z = twoSidedZ(0.95);
    const result = driftResult({
      delta: 0.05,
      deltaInterval: { low: 0.05 - z * 0.01, high: 0.05 + z * 0.01 },
    });
    const adjusted = adjustForRunSpread(result, [0.1, 0.12, 0.14]);
    assert.equal(adjusted.test, 'run-spread-z');
    close(adjusted.pWorse, 0.006209665325776159); // 1 − Φ(2.5)
    close(adjusted.pValue, 2 * 0.006209665325776159);
    close(adjusted.deltaInterval.low, 0.05 - z * 0.02);
  });

  it('tests the shifted null with the minimum effect: z = (0.05 − 0.02)/0.02 = 1.5', () => {
    const result = driftResult({
      delta: 0.05,
      minEffect: 0.02,
      deltaInterval: { low: 0.04, high: 0.06 },
    });
    close(adjustForRunSpread(result, [0.1, 0.12, 0.14]).pWorse, 0.06680720126885809);
  });

  it('leaves the comparison alone when item resampling already shows more spread', () => {
    const result = driftResult({ delta: 0.05, deltaInterval: { low: 0, high: 0.1 } });
    assert.equal(adjustForRunSpread(result, [0.1, 0.12, 0.14]), result);
  });
});
