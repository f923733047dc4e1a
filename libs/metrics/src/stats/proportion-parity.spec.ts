import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { proportionParity } from './proportion-parity';
import { createRng } from './rng';
import { binomialDraw } from './simulated-corpus.fixture';
import { tostItemsPerGroup, tostMinimumItemsPerGroup, tostPower } from './tost-sample-size';

const frr5 = { rateA: 0.05, rateB: 0.05, tolerance: 0.01 };

describe('TOST sample size', () => {
  it('needs at least 1.6449²·(2·0.05·0.95)/0.01² = 2,570.3 -> 2,571 per group to certify ±0.01 at 5% FRR', () => {
    assert.equal(tostMinimumItemsPerGroup(frr5), 2571);
  });

  it('needs (1.6449 + 1.2816)²·0.095/0.01² = 8,135.7 -> 8,136 per group for 80% power at equal rates', () => {
    assert.equal(tostItemsPerGroup(frr5), 8136);
    assert.ok(tostPower(frr5, 8136) >= 0.8 && tostPower(frr5, 8135) < 0.8);
  });

  it('needs more items when the rates differ and none can suffice beyond the tolerance', () => {
    assert.ok(tostItemsPerGroup({ ...frr5, rateB: 0.055 })! > 8136);
    assert.equal(tostItemsPerGroup({ ...frr5, rateB: 0.07 }), null);
  });
});

describe('proportionParity', () => {
  it('shows parity of 5.0% and 5.1% on 10,000 items per group within ±0.01', () => {
    const result = proportionParity(
      { successes: 500, n: 10_000 },
      { successes: 510, n: 10_000 },
      { tolerance: 0.01 },
    );
    assert.equal(result.verdict, 'parity_shown');
    assert.ok(result.interval.low > -0.01 && result.interval.high < 0.01);
  });

  it('calls equal rates on 100 items per group inconclusive, never parity, and says how many are needed', () => {
    const result = proportionParity(
      { successes: 5, n: 100 },
      { successes: 5, n: 100 },
      { tolerance: 0.01 },
    );
    assert.equal(result.verdict, 'inconclusive');
    assert.equal(result.difference, 0);
    assert.equal(result.minimumItemsPerGroup, 2571);
    assert.equal(result.itemsPerGroupNeeded, 8136);
  });

  it('detects disparity when 10% against 5% is beyond the ±0.01 tolerance', () => {
    const result = proportionParity(
      { successes: 100, n: 1000 },
      { successes: 50, n: 1000 },
      { tolerance: 0.01 },
    );
    assert.equal(result.verdict, 'disparity_detected');
    assert.equal(result.itemsPerGroupNeeded, null);
  });

  it('plans with smoothed rates when a group has no errors at all', () => {
    const result = proportionParity(
      { successes: 0, n: 200 },
      { successes: 0, n: 200 },
      { tolerance: 0.01 },
    );
    assert.equal(result.verdict, 'inconclusive');
    assert.ok(result.itemsPerGroupNeeded! > 100);
  });

  it('only shows parity when the observed gap is inside the tolerance', () => {
    const group = fc
      .integer({ min: 1, max: 3000 })
      .chain((n) => fc.record({ n: fc.constant(n), successes: fc.integer({ min: 0, max: n }) }));
    fc.assert(
      fc.property(
        group,
        group,
        fc.double({ min: 0.005, max: 0.2, noNaN: true }),
        (a, b, tolerance) => {
          const result = proportionParity(a, b, { tolerance });
          return result.verdict !== 'parity_shown' || Math.abs(result.difference) < tolerance;
        },
      ),
    );
  });

  it('claims parity in at most 5% of samples when the true gap is exactly the tolerance', () => {
    const rng = createRng(77);
    let claimed = 0;
    const simulations = 400;
    for (let i = 0; i < simulations; i++) {
      const a = { successes: binomialDraw(rng, 3000, 0.05), n: 3000 };
      const b = { successes: binomialDraw(rng, 3000, 0.06), n: 3000 };
      if (proportionParity(a, b, { tolerance: 0.01 }).verdict === 'parity_shown') claimed++;
    }
    assert.ok(claimed / simulations <= 0.05, `parity claimed in ${claimed} of ${simulations}`);
  });
});
