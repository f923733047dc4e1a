import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { accuracy, bit, keyed, wer } from './item-values.fixture';
import { worstItems } from './worst-items';

describe('worstItems', () => {
  it('ranks ratio items by their share of the corpus change in the bad direction', () => {
    const baseline = {
      a: { num: 1, den: 10 },
      b: { num: 0, den: 5 },
      c: { num: 2, den: 5 },
      d: { num: 0, den: 5 },
    };
    const current = {
      a: { num: 3, den: 10 },
      b: { num: 3, den: 5 },
      c: { num: 0, den: 5 },
      d: { num: 1, den: 5 },
    };
    const worst = worstItems(wer, keyed(baseline), keyed(current), 2);
    // Σden 25: b (0.6 − 0)·5/25 = 0.12, a (0.3 − 0.1)·10/25 = 0.08, d 0.2·5/25 = 0.04, c improved.
    assert.deepEqual(
      worst.map((w) => w.itemId),
      ['b', 'a'],
    );
    assert.ok(
      Math.abs(worst[0].contribution - 0.12) < 1e-12 &&
        Math.abs(worst[1].contribution - 0.08) < 1e-12,
    );
    assert.deepEqual([worst[1].baseline, worst[1].current], [0.1, 0.3]);
  });

  it('ranks a proportion by lost items, 1/n each, and uses the reference value for unknown items', () => {
    const worst = worstItems(
      accuracy,
      keyed({ a: bit(1), b: bit(0) }),
      keyed({ a: bit(0), b: bit(0), z: bit(0) }),
    );
    assert.deepEqual(
      worst.map((w) => [w.itemId, w.baseline, w.contribution]),
      [
        ['a', 1, 1 / 3],
        ['z', null, 0.5 / 3],
      ],
    );
  });

  it('ranks against a single value (the best group of a fairness gap)', () => {
    const worst = worstItems(accuracy, { value: 0.9 }, keyed({ a: bit(1), b: bit(0) }));
    assert.deepEqual(
      worst.map((w) => w.itemId),
      ['b'],
    );
    assert.ok(Math.abs(worst[0].contribution - 0.45) < 1e-12);
  });
});
