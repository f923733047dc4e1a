import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  addItemValues,
  isBinary,
  pointValue,
  rateStandardErrorFloor,
  standardError,
} from './item-value-stats';
import { ItemValues } from './item-value-columns';
import { keyed } from './item-values.fixture';

describe('item value statistics', () => {
  const shares = keyed({
    a: { num: 1, den: 1 },
    b: { num: 0, den: 1 },
    c: { num: 2, den: 4 },
    d: { num: 1, den: 1 },
  });

  it('takes the mean of item shares for proportions and means, Σnum/Σden for ratios', () => {
    assert.equal(pointValue('proportion', shares), (1 + 0 + 0.5 + 1) / 4);
    assert.equal(pointValue('ratio', shares), 4 / 7);
    assert.equal(pointValue('mean', ItemValues.empty), null);
    assert.equal(pointValue('ratio', keyed({ a: { num: 0, den: 0 } })), null);
  });

  it('gives the item-level standard error: sd/√n, or the linearized ratio SE', () => {
    // shares 1, 0, 0.5, 1: mean 0.625, Σ(x − m)² = 0.140625 + 0.390625 + 0.015625 + 0.140625 = 0.6875
    assert.ok(Math.abs(standardError('mean', shares) - Math.sqrt(0.6875 / 3 / 4)) < 1e-15);
    // R = 4/7; residuals 1 − 4/7, 0 − 4/7, 2 − 16/7, 1 − 4/7 -> squares (9 + 16 + 4 + 9)/49 = 38/49
    assert.ok(
      Math.abs(standardError('ratio', shares) - Math.sqrt((4 / 3) * (38 / 49)) / 7) < 1e-15,
    );
    assert.equal(standardError('mean', keyed({ a: { num: 1, den: 1 } })), 0);
  });

  it('calls items binary only when every share is 0 or 1', () => {
    assert.equal(isBinary(keyed({ a: { num: 3, den: 3 }, b: { num: 0, den: 2 } })), true);
    assert.equal(isBinary(shares), false);
  });

  it('pools runs item by item and takes a run back out without leaving empty items', () => {
    const first = keyed({ a: { num: 1, den: 1 }, b: { num: 0, den: 1 } });
    const second = keyed({ a: { num: 0, den: 1 }, c: { num: 1, den: 1 } });
    const pooled = addItemValues(first, second);
    assert.deepEqual(pooled.toRecord(), {
      a: { num: 1, den: 2 },
      b: { num: 0, den: 1 },
      c: { num: 1, den: 1 },
    });
    assert.deepEqual(addItemValues(pooled, first, -1).toRecord(), {
      a: { num: 0, den: 1 },
      c: { num: 1, den: 1 },
    });
  });
});

describe('rateStandardErrorFloor', () => {
  it('gives a rate with no spread the binomial SE at half a success', () => {
    const zeros = keyed(
      Object.fromEntries(Array.from({ length: 24 }, (_, i) => [`i${i}`, { num: 0, den: 1 }])),
    );
    // (0 + 0.5)/(24 + 1) = 0.02 -> √(0.02 · 0.98 / 24)
    assert.equal(rateStandardErrorFloor('proportion', zeros), Math.sqrt((0.02 * 0.98) / 24));
    // WER: 3 errors in 99 words -> (3.5/100) over 99 trials
    assert.equal(
      rateStandardErrorFloor('ratio', keyed({ a: { num: 3, den: 99 } })),
      Math.sqrt((0.035 * 0.965) / 99),
    );
  });

  it('is 0 for a mean that is not a rate', () => {
    assert.equal(
      rateStandardErrorFloor('mean', keyed({ a: { num: 3, den: 1 }, b: { num: 1, den: 1 } })),
      0,
    );
  });
});
