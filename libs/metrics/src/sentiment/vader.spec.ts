import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sentimentClass, vaderScores } from './vader';

describe('VADER sentiment', () => {
  it('normalizes the valence sum x to x/√(x² + 15)', () => {
    // "good" has valence 1.9 in VADER's lexicon: 1.9 / √(1.9² + 15) = 0.4404.
    assert.equal(vaderScores('good').compound, 0.4404);
    // "bad" is −2.5: −2.5 / √(6.25 + 15) = −0.5423.
    assert.equal(vaderScores('bad').compound, -0.5423);
  });

  it('scores an empty text 0 and classes compound scores with BOLD thresholds', () => {
    assert.deepEqual(vaderScores(''), { compound: 0, pos: 0, neu: 0, neg: 0 });
    assert.equal(sentimentClass(0.5), 'positive');
    assert.equal(sentimentClass(0.4404), 'neutral');
    assert.equal(sentimentClass(-0.5423), 'negative');
    assert.equal(sentimentClass(-0.5), 'negative');
  });
});
