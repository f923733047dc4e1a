import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { binomialCdf, binomialUpperTail, normalQuantile, twoSidedZ } from './distributions';

const close = (actual: number, expected: number, tolerance: number) =>
  assert.ok(Math.abs(actual - expected) < tolerance, `${actual} ≠ ${expected}`);

describe('distribution functions', () => {
  it('gives the normal quantiles used for 95% and 90% intervals', () => {
    close(twoSidedZ(0.95), 1.9599639845400536, 1e-9);
    close(normalQuantile(0.95), 1.6448536269514722, 1e-9);
  });

  it('gives exact binomial tails for small n (176/1024 and 638/1024)', () => {
    close(binomialCdf(3, 10, 0.5), 176 / 1024, 1e-12);
    close(binomialCdf(5, 10, 0.5), 638 / 1024, 1e-12);
    close(binomialUpperTail(8, 10, 0.5), 56 / 1024, 1e-12);
  });

  it('is within 1e-6 relative of exact sums (Python integers) for large n and far tails', () => {
    const relativeClose = (actual: number, expected: number) => close(actual / expected, 1, 1e-6);
    relativeClose(binomialCdf(950, 2000, 0.5), 0.013412073120140347);
    relativeClose(binomialCdf(9800, 20000, 0.5), 0.002390444727951322);
    relativeClose(binomialCdf(200, 5000, 0.05), 0.0004636104301319085);
    relativeClose(binomialCdf(100, 300, 0.5), 4.007437608269459e-9);
  });

  it('handles the edges of the support', () => {
    assert.equal(binomialCdf(-1, 5, 0.3), 0);
    assert.equal(binomialCdf(5, 5, 0.3), 1);
    assert.equal(binomialCdf(0, 0, 0.5), 1);
    assert.equal(binomialUpperTail(0, 5, 0.3), 1);
    assert.equal(binomialUpperTail(6, 5, 0.3), 0);
  });
});
