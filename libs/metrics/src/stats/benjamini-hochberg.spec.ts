import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { benjaminiHochbergQValues } from './benjamini-hochberg';

const close = (actual: number, expected: number) =>
  assert.ok(Math.abs(actual - expected) < 1e-12, `${actual} ≠ ${expected}`);

describe('benjaminiHochbergQValues', () => {
  it('gives hand-computed q-values in input order', () => {
    // Sorted: .005 .01 .03 .04 -> p·m/k: .02 .02 .04 .04, then running minimum from the top.
    const q = benjaminiHochbergQValues([0.01, 0.04, 0.03, 0.005]);
    [0.02, 0.04, 0.04, 0.02].forEach((expected, i) => close(q[i], expected));
  });

  it('takes the minimum over larger ranks and caps at 1', () => {
    // p·m/k for sorted .02 .5 .6 .9 (m = 4): .08 1 .8 .9 -> min over j ≥ k: .08 .8 .8 .9.
    const q = benjaminiHochbergQValues([0.9, 0.5, 0.02, 0.6]);
    [0.9, 0.8, 0.08, 0.8].forEach((expected, i) => close(q[i], expected));
    assert.deepEqual(benjaminiHochbergQValues([1, 1]), [1, 1]);
    assert.deepEqual(benjaminiHochbergQValues([]), []);
  });

  const pValues = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
    minLength: 1,
    maxLength: 50,
  });

  it('never gives a q-value below its p-value or above 1', () => {
    fc.assert(
      fc.property(pValues, (ps) =>
        benjaminiHochbergQValues(ps).every((q, i) => q >= ps[i] && q <= 1),
      ),
    );
  });

  it('keeps the order of the p-values (monotone)', () => {
    fc.assert(
      fc.property(pValues, (ps) => {
        const q = benjaminiHochbergQValues(ps);
        return ps.every((p, i) => ps.every((other, j) => !(p < other) || q[i] <= q[j]));
      }),
    );
  });
});
