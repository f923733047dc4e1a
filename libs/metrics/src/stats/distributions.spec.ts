import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { binomialTails, lowerTailSum, upperTailSum } from './binomial-tails';
import {
  binomialCdf,
  binomialPmf,
  binomialUpperTail,
  normalCdf,
  normalQuantile,
  normalUpperTail,
  twoSidedZ,
} from './distributions';
import { mcnemarExact } from './mcnemar';

const close = (actual: number, expected: number, tolerance: number) =>
  assert.ok(Math.abs(actual - expected) < tolerance, `${actual} ≠ ${expected}`);
const relativeClose = (actual: number, expected: number, tolerance: number) =>
  assert.ok(Math.abs(actual / expected - 1) < tolerance, `${actual} ≠ ${expected}`);

// [k, n, p, P(X ≤ k), P(X > k)] from scipy 1.17.1 binom.cdf(k, n, p) and binom.sf(k, n, p).
// Each agrees to ≤ 1e-11 relative with an independent sum of pmf ratios from the mode,
// normalised by its own total (Python floats, math.fsum).
const LARGE_N: [number, number, number, number, number][] = [
  [100_000, 200_000, 0.5, 0.5008920609429981, 0.49910793905700185],
  [6_598_776, 13_197_552, 0.5, 0.5001098154300505, 0.4998901845699495],
  [15_000_000, 30_000_000, 0.5, 0.5000728365614329, 0.4999271634385672],
  [49_990_000, 100_000_000, 0.5, 0.022755531314786137, 0.9772444686852139],
  [499_900_000, 1_000_000_000, 0.5, 1.270074179881551e-10, 0.9999999998729926],
  [499_950_000, 1_000_000_000, 0.5, 0.0007827861305386242, 0.9992172138694614],
  [499_990_000, 1_000_000_000, 0.5, 0.26355495737765317, 0.7364450426223468],
  [500_000_000, 1_000_000_000, 0.5, 0.5000126156626065, 0.49998738433739354],
  [49_990_000, 1_000_000_000, 0.05, 0.07340329608558822, 0.9265967039144117],
  [50_010_000, 1_000_000_000, 0.05, 0.9266102078790972, 0.07338979212090278],
  [999, 1_000_000_000, 1e-6, 0.49579474951247726, 0.5042052504875227],
  [123_456_789, 1_000_000_000, 0.123456, 0.5302531770652008, 0.46974682293479925],
];

describe('normal distribution', () => {
  it('gives the normal quantiles used for 95% and 90% intervals', () => {
    close(twoSidedZ(0.95), 1.9599639845400536, 1e-9);
    close(normalQuantile(0.95), 1.6448536269514722, 1e-9);
  });

  it('keeps full relative accuracy far into the upper tail (scipy norm.sf)', () => {
    relativeClose(normalUpperTail(1), 0.15865525393145707, 1e-14);
    relativeClose(normalUpperTail(7), 1.279812543885835e-12, 1e-13);
    relativeClose(normalUpperTail(8.3), 5.2055697448902465e-17, 1e-13);
    relativeClose(normalUpperTail(20), 2.7536241186061556e-89, 1e-13);
    relativeClose(normalUpperTail(37), 5.7255712225239266e-300, 1e-12);
    relativeClose(normalCdf(-8.3), 5.2055697448902465e-17, 1e-13);
    assert.equal(normalCdf(0), 0.5);
  });
});

describe('binomial distribution', () => {
  it('gives exact binomial tails for small n (176/1024 and 638/1024)', () => {
    close(binomialCdf(3, 10, 0.5), 176 / 1024, 1e-12);
    close(binomialCdf(5, 10, 0.5), 638 / 1024, 1e-12);
    close(binomialUpperTail(8, 10, 0.5), 56 / 1024, 1e-12);
    close(binomialPmf(2, 10, 0.5), 45 / 1024, 1e-15);
  });

  it('is within 1e-12 relative of exact sums (Python integers) for moderate n and far tails', () => {
    relativeClose(binomialCdf(950, 2000, 0.5), 0.013412073120140347, 1e-12);
    relativeClose(binomialCdf(9800, 20000, 0.5), 0.002390444727951322, 1e-12);
    relativeClose(binomialCdf(200, 5000, 0.05), 0.0004636104301319085, 1e-12);
    relativeClose(binomialCdf(100, 300, 0.5), 4.007437608269459e-9, 1e-12);
  });

  it('stays within 1e-9 relative of scipy for both tails up to n = 10⁹', () => {
    for (const [k, n, p, atMost, above] of LARGE_N) {
      const tails = binomialTails(k, n, p);
      relativeClose(tails.atMost, atMost, 1e-9);
      relativeClose(tails.above, above, 1e-9);
      relativeClose(binomialUpperTail(k + 1, n, p), above, 1e-9);
    }
  });

  it('sums tails that agree with stdlib’s incomplete beta wherever both apply', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        (n, p, position) => {
          const k = Math.floor(position * n);
          const exact = binomialTails(k, n, p);
          // Below ~1e-290 both lose digits to subnormal numbers; no p-value lives there.
          if (k < n * p && exact.atMost > 1e-290) {
            relativeClose(lowerTailSum(k, n, p), exact.atMost, 1e-11);
          } else if (k >= n * p && exact.above > 1e-290) {
            relativeClose(upperTailSum(k, n, p), exact.above, 1e-11);
          }
        },
      ),
    );
  });

  it('handles the edges of the support', () => {
    assert.equal(binomialCdf(-1, 5, 0.3), 0);
    assert.equal(binomialCdf(5, 5, 0.3), 1);
    assert.equal(binomialCdf(0, 0, 0.5), 1);
    assert.equal(binomialCdf(2, 5, 0), 1);
    assert.equal(binomialCdf(2, 5, 1), 0);
    assert.equal(binomialUpperTail(0, 5, 0.3), 1);
    assert.equal(binomialUpperTail(6, 5, 0.3), 0);
    assert.throws(() => binomialCdf(1, 2.5, 0.5), RangeError);
    assert.throws(() => binomialCdf(1, 5, 1.5), RangeError);
  });
});

describe('exact McNemar at large n', () => {
  it('gives p = 1 for balanced discordant pairs (was 0.040 and −0.80 through jstat)', () => {
    assert.equal(mcnemarExact(6_598_776, 6_598_776).twoSided, 1);
    assert.equal(mcnemarExact(15_000_000, 15_000_000).twoSided, 1);
    relativeClose(mcnemarExact(15_000_000, 15_000_000).worse, 0.5000728365614329, 1e-9);
  });

  it('matches scipy binomtest(499,950,000, 10⁹).pvalue = 0.0015655722610772485', () => {
    const result = mcnemarExact(500_050_000, 499_950_000);
    relativeClose(result.twoSided, 0.0015655722610772485, 1e-9);
    relativeClose(result.worse, 0.0007827861305386242, 1e-9);
  });

  it('keeps every p-value in [0, 1] for any split of up to 10⁹ discordant pairs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 1e9 }), (b, c) => {
        const { worse, better, twoSided } = mcnemarExact(b, c);
        return [worse, better, twoSided].every((p) => p >= 0 && p <= 1);
      }),
      { numRuns: 50 },
    );
  });
});
