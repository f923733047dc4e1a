import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { wilsonInterval } from './wilson';

// Reference values: the METHODS.md formula evaluated with Python's statistics.NormalDist
// (z = 1.9599639845400536); 8/10 also matches R's prop.test(8, 10, correct = FALSE).
const close = (actual: number, expected: number, tolerance = 1e-9) =>
  assert.ok(Math.abs(actual - expected) < tolerance, `${actual} ≠ ${expected}`);

describe('wilsonInterval', () => {
  it('gives 0.490162–0.943318 for 8 of 10', () => {
    const { low, high } = wilsonInterval(8, 10);
    close(low, 0.4901624715366417);
    close(high, 0.9433178485456246);
  });

  it('gives 0.540793–0.931442 for 8 of 10 at 90% confidence', () => {
    const { low, high } = wilsonInterval(8, 10, 0.9);
    close(low, 0.5407928056874881);
    close(high, 0.9314420122624679);
  });

  it('starts at exactly 0 for no successes and ends at exactly 1 for all successes', () => {
    assert.equal(wilsonInterval(0, 10).low, 0);
    close(wilsonInterval(0, 10).high, 0.27753279986288915);
    assert.equal(wilsonInterval(10, 10).high, 1);
    close(wilsonInterval(10, 10).low, 0.7224672001371107);
  });

  it('is the whole unit interval when there are no trials', () => {
    assert.deepEqual(wilsonInterval(0, 0), { low: 0, high: 1 });
  });

  it('rejects impossible counts and confidence levels', () => {
    assert.throws(() => wilsonInterval(11, 10), RangeError);
    assert.throws(() => wilsonInterval(-1, 10), RangeError);
    assert.throws(() => wilsonInterval(1, 10, 1), RangeError);
  });

  it('always contains the observed rate and stays inside [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, share) => {
          const x = Math.round(share * n);
          const { low, high } = wilsonInterval(x, n);
          return 0 <= low && low <= x / n && x / n <= high && high <= 1;
        },
      ),
    );
  });
});
