import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { proportionParity } from './proportion-parity';
import { createRng } from './rng';
import { binomialPmf, normalCdf, normalUpperTail } from './distributions';
import { farringtonManningScoreAt } from './farrington-manning';
import { binomialDraw } from './simulated-corpus.fixture';
import {
  tostItemsPerGroup,
  tostMinimumItemsPerGroup,
  tostPower,
  tostToleranceSupported,
} from './tost-sample-size';

const relativeClose = (actual: number, expected: number, tolerance: number) =>
  assert.ok(Math.abs(actual / expected - 1) < tolerance, `${actual} ≠ ${expected}`);

/**
 * Exact probability that the score TOST of proportionParity shows parity with n per group when
 * both true rates are `rate`: the sum of P(x₁)·P(x₂) over the counts where it does (±8 sd).
 */
function exactParityPower(n: number, rate: number, tolerance: number, alpha = 0.05): number {
  const sd = Math.sqrt(n * rate * (1 - rate));
  const lo = Math.max(0, Math.floor(n * rate - 8 * sd));
  const hi = Math.min(n, Math.ceil(n * rate + 8 * sd));
  const pmf = Array.from({ length: hi - lo + 1 }, (_, i) => binomialPmf(lo + i, n, rate));
  let power = 0;
  for (let x1 = lo; x1 <= hi; x1++) {
    for (let x2 = lo; x2 <= hi; x2++) {
      if (Math.abs(x1 - x2) >= tolerance * n) continue;
      const score = farringtonManningScoreAt(x1, n, x2, n);
      const shown =
        normalUpperTail(score(-tolerance)) < alpha && normalCdf(score(tolerance)) < alpha;
      if (shown) power += pmf[x1 - lo] * pmf[x2 - lo];
    }
  }
  return power;
}

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

describe('TOST planning', () => {
  it('agrees with statsmodels’ normal TOST power (_power_ztost, dist="norm") at 8,135 and 8,136', () => {
    relativeClose(tostPower(frr5, 8135), 0.799958648947372, 1e-9);
    relativeClose(tostPower(frr5, 8136), 0.8000217787716712, 1e-9);
  });

  it('plans 8,136 per group: the exact power of the score TOST there is 80% (±1%)', () => {
    const power = exactParityPower(8136, 0.05, 0.01);
    assert.ok(Math.abs(power - 0.8) < 0.01, `exact power ${power}`);
  });

  it('shows parity only 1.6% of the time at the bare minimum of 2,571 per group', () => {
    const power = exactParityPower(2571, 0.05, 0.01);
    assert.ok(power > 0.014 && power < 0.018, `exact power ${power}`);
  });

  it('tells the smallest margin n per group certifies with 80% power', () => {
    // (norm.ppf(0.95) + norm.ppf(0.9))·√(0.095/1000) = 0.028523069580840305 (scipy).
    relativeClose(tostToleranceSupported(frr5, 1000)!, 0.028523069580840305, 1e-9);
    assert.ok(tostToleranceSupported(frr5, 8136)! <= 0.01);
    assert.ok(tostToleranceSupported(frr5, 8135)! > 0.01);
    // Rates 1 point apart: about 0.01 + (1.6449 + 0.8416)·√((0.0475 + 0.0564)/1000) = 0.0353,
    // a little more since the far TOST tail is not quite 1.
    const apart = { rateA: 0.05, rateB: 0.06 };
    const margin = tostToleranceSupported(apart, 1000)!;
    assert.ok(margin > 0.0353 && margin < 0.0356, `margin ${margin}`);
    relativeClose(tostPower({ ...apart, tolerance: margin }, 1000), 0.8, 1e-9);
  });
});

describe('proportionParity', () => {
  it('gives the Farrington–Manning TOST p of an independent numerical restricted ML', () => {
    // scipy minimize_scalar of the binomial log-likelihood under p₁ − p₂ = −0.05, then
    // z = (0.05 − 0.065 + 0.05)/√(p₁q₁/400 + p₂q₂/400) = 2.03385, norm.sf(z) = 0.020983601230.
    // (statsmodels 0.13's tost_proportions_2indep reports the smaller one-sided p, not the larger.)
    const result = proportionParity(
      { successes: 20, n: 400 },
      { successes: 26, n: 400 },
      {
        tolerance: 0.05,
      },
    );
    relativeClose(result.pParity, 0.020983601230228823, 1e-6);
  });

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
