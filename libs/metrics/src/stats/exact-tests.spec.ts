import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { binomialTest } from './binomial-test';
import { fisherExactOneSided } from './fisher-exact';
import { mcnemarExact } from './mcnemar';

const close = (actual: number, expected: number, tolerance = 1e-12) =>
  assert.ok(Math.abs(actual - expected) < tolerance, `${actual} ≠ ${expected}`);

describe('mcnemarExact', () => {
  it('gives 2·P(X ≤ 1; 7, ½) = 16/128 for one pair lost and six gained', () => {
    const result = mcnemarExact(1, 6);
    close(result.twoSided, 16 / 128);
    close(result.better, 8 / 128); // P(X ≤ 1)
    close(result.worse, 127 / 128); // P(X ≥ 1)
  });

  it('gives 2/32 when all five discordant pairs went the same way', () => {
    close(mcnemarExact(5, 0).twoSided, 2 / 32);
    close(mcnemarExact(5, 0).worse, 1 / 32);
  });

  it('caps the two-sided p at 1 for balanced or no discordant pairs', () => {
    assert.equal(mcnemarExact(4, 4).twoSided, 1);
    assert.equal(mcnemarExact(0, 0).twoSided, 1);
  });
});

describe('fisherExactOneSided', () => {
  it('gives 17/70 for the lady tasting tea (3 of 4 against 1 of 4)', () => {
    const { greater, less } = fisherExactOneSided(3, 4, 1, 4);
    close(greater, 17 / 70);
    close(less, 69 / 70);
  });
});

describe('binomialTest', () => {
  it('gives 2·(1 + 20 + 190)/2²⁰ for 2 of 20 against ½', () => {
    close(binomialTest(2, 20).pValue, (2 * 211) / 2 ** 20);
    close(binomialTest(18, 20).pValue, (2 * 211) / 2 ** 20);
  });

  it('gives p = 1 for an even split', () => {
    assert.equal(binomialTest(10, 20).pValue, 1);
  });
});
