import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { tokenF1, tokenF1Pair } from './token-f1';

describe('tokenF1Pair', () => {
  it('scores overlap of normalized tokens', () => {
    // pred: cat sat on mat (4), gold: cat on mat (3), common 3: P = 3/4, R = 1, F1 = 6/7.
    assert.equal(tokenF1Pair('the cat sat on the mat', 'a cat on a mat'), 6 / 7);
  });

  it('counts repeated tokens with multiplicity, as SQuAD does', () => {
    // common = min(2,1) cat + min(1,2) dog = 2; P = R = 2/3.
    assert.equal(tokenF1Pair('cat cat dog', 'cat dog dog'), 2 / 3);
  });

  it('is 1 for identical text and 0 for disjoint text', () => {
    assert.equal(tokenF1Pair('Paris, France', 'paris france'), 1);
    assert.equal(tokenF1Pair('London', 'Paris'), 0);
  });

  it('is 0 when either side is empty after normalization', () => {
    assert.equal(tokenF1Pair('', 'the'), 0);
    assert.equal(tokenF1Pair('the', 'a'), 0);
    assert.equal(tokenF1Pair('...', 'Paris'), 0);
    assert.equal(tokenF1Pair('', ''), 0);
  });

  it('compares unicode tokens exactly after lowercasing', () => {
    // pred: zürich ist schön (3), gold: zürich (1): P = 1/3, R = 1, F1 = 1/2.
    assert.equal(tokenF1Pair('Zürich ist schön', 'ZÜRICH'), 0.5);
  });
});

describe('tokenF1', () => {
  it('takes the best reference', () => {
    // vs "New York": P = 2/3, R = 1, F1 = 0.8; vs "NYC": 0.
    assert.equal(tokenF1('new york city', ['NYC', 'New York']), 0.8);
  });

  it('rejects an item with no references', () => {
    assert.throws(() => tokenF1('Paris', []), RangeError);
  });
});
