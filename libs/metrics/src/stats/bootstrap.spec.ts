import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { bootstrapMeanInterval } from './bootstrap-mean';
import { bootstrapRatioInterval } from './bootstrap-ratio';
import { createRng } from './rng';

describe('createRng', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createRng(seed));
    assert.deepEqual(draw(42), draw(42));
    assert.notDeepEqual(draw(42), draw(43));
    assert.ok(draw(1).every((u) => u >= 0 && u < 1));
  });

  it('starts nearby seeds at unrelated values', () => {
    const firsts = [0, 1, 2, 3, 4, 5, 6, 7].map((seed) => createRng(seed)());
    assert.equal(new Set(firsts.map((u) => Math.floor(u * 4))).size > 1, true);
  });
});

describe('bootstrapMeanInterval', () => {
  it('collapses to the value when all values are equal', () => {
    assert.deepEqual(bootstrapMeanInterval([0.3, 0.3, 0.3], { seed: 1 }), { low: 0.3, high: 0.3 });
  });

  it('spans 0–1 for the sample {0, 1}, whose resampled means are 0, ½, 1 with P = ¼, ½, ¼', () => {
    assert.deepEqual(bootstrapMeanInterval([0, 1], { seed: 1 }), { low: 0, high: 1 });
  });

  it('is reproducible for a seed', () => {
    const values = [0.1, 0.5, 0.2, 0.9, 0.4];
    assert.deepEqual(
      bootstrapMeanInterval(values, { seed: 5 }),
      bootstrapMeanInterval(values, { seed: 5 }),
    );
  });

  it('contains the sample mean', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 30 }),
        fc.integer(),
        (values, seed) => {
          const mean = values.reduce((a, b) => a + b, 0) / values.length;
          const { low, high } = bootstrapMeanInterval(values, { seed, resamples: 200 });
          const slack = 1e-9 * (1 + Math.abs(mean));
          return low - slack <= mean && mean <= high + slack;
        },
      ),
      { numRuns: 200 },
    );
  });

  it('rejects an empty sample', () => {
    assert.throws(() => bootstrapMeanInterval([], { seed: 1 }), RangeError);
  });
});

describe('bootstrapRatioInterval', () => {
  it('collapses to the ratio when every item has the same ratio', () => {
    const items = [
      { num: 1, den: 10 },
      { num: 2, den: 20 },
      { num: 3, den: 30 },
    ];
    const { low, high } = bootstrapRatioInterval(items, { seed: 1 });
    assert.ok(Math.abs(low - 0.1) < 1e-15 && Math.abs(high - 0.1) < 1e-15);
  });

  it('resamples whole groups: one speaker means no resampling spread at all', () => {
    const items = [
      { num: 0, den: 10, group: 'spk1' },
      { num: 5, den: 10, group: 'spk1' },
      { num: 9, den: 20, group: 'spk1' },
    ];
    assert.deepEqual(bootstrapRatioInterval(items, { seed: 1 }), { low: 14 / 40, high: 14 / 40 });
    const ungrouped = bootstrapRatioInterval(
      items.map(({ num, den }) => ({ num, den })),
      { seed: 1 },
    );
    assert.ok(ungrouped.high - ungrouped.low > 0.1);
  });

  it('contains the corpus ratio Σnum/Σden', () => {
    const item = fc.record({
      num: fc.integer({ min: 0, max: 30 }),
      den: fc.integer({ min: 1, max: 40 }),
    });
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 40 }), fc.integer(), (items, seed) => {
        const ratio = items.reduce((a, i) => a + i.num, 0) / items.reduce((a, i) => a + i.den, 0);
        const { low, high } = bootstrapRatioInterval(items, { seed, resamples: 200 });
        return low - 1e-12 <= ratio && ratio <= high + 1e-12;
      }),
      { numRuns: 200 },
    );
  });

  it('rejects a corpus with no reference words', () => {
    assert.throws(() => bootstrapRatioInterval([{ num: 1, den: 0 }], { seed: 1 }), RangeError);
  });
});
