import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sampleForReview } from './review-sample';

const candidates = [
  ...Array.from({ length: 10 }, (_, i) => ({ itemId: `big-${i}`, stratum: 'g=big', spread: 0 })),
  ...Array.from({ length: 2 }, (_, i) => ({ itemId: `small-${i}`, stratum: 'g=small', spread: 0 })),
  { itemId: 'big-unsure', stratum: 'g=big', spread: 0.5 },
];

describe('sampleForReview', () => {
  it('takes the strata in turn, so a small group is sampled as much as a large one', () => {
    const taken = sampleForReview(candidates, 4, 'run-1');
    assert.deepEqual(
      taken.map((c) => c.stratum),
      ['g=big', 'g=small', 'g=big', 'g=small'],
    );
    // When a stratum runs out, the others fill the sample.
    assert.equal(
      sampleForReview(candidates, 8, 'run-1').filter((c) => c.stratum === 'g=big').length,
      6,
    );
    assert.equal(sampleForReview(candidates, 100, 'run-1').length, candidates.length);
  });

  it('puts the answers the judge was unsure of first, then a seeded order', () => {
    assert.equal(sampleForReview(candidates, 1, 'run-1')[0].itemId, 'big-unsure');
    const a = sampleForReview(candidates, 13, 'run-1').map((c) => c.itemId);
    assert.deepEqual(
      sampleForReview(candidates, 13, 'run-1').map((c) => c.itemId),
      a,
    );
    assert.notDeepEqual(
      sampleForReview(candidates, 13, 'run-2').map((c) => c.itemId),
      a,
    );
  });
});
