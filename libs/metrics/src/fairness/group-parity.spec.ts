import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupParity } from './group-parity';

/** Confusion counts with `positives` genuine users of whom `rejected` were falsely rejected. */
const frr = (positives: number, rejected: number) => ({
  tp: positives - rejected,
  fn: rejected,
  fp: 0,
  tn: 10,
});

describe('groupParity', () => {
  it('shows FRR parity within ±0.01 only when every pair of groups shows it (10,000 each)', () => {
    const result = groupParity(
      { a: frr(10_000, 500), b: frr(10_000, 505), c: frr(10_000, 495) },
      { rate: 'falseRejectionRate', tolerance: 0.01 },
    );
    assert.equal(result.verdict, 'parity_shown');
    assert.equal(result.pairs.length, 3);
  });

  it('is inconclusive for equal FRRs on 300 items per group and says how many are needed', () => {
    const result = groupParity(
      { a: frr(300, 15), b: frr(300, 15) },
      { rate: 'falseRejectionRate', tolerance: 0.01 },
    );
    assert.equal(result.verdict, 'inconclusive');
    assert.equal(result.itemsPerGroupNeeded, 8136); // see the TOST sample-size spec
  });

  it('detects disparity when one group is rejected twice as often (10% vs 5% of 2,000)', () => {
    const result = groupParity(
      { a: frr(2000, 100), b: frr(2000, 200), c: frr(2000, 104) },
      { rate: 'falseRejectionRate', tolerance: 0.01 },
    );
    assert.equal(result.verdict, 'disparity_detected');
    const flagged = result.pairs.filter((p) => p.qDisparity < 0.05).map((p) => p.groups.join('-'));
    assert.deepEqual(flagged, ['a-b', 'b-c']);
  });

  it('needs at least two groups with data', () => {
    assert.throws(
      () => groupParity({ a: frr(100, 5) }, { rate: 'falseRejectionRate', tolerance: 0.01 }),
      RangeError,
    );
  });
});
