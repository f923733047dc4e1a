import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_TITLE_THRESHOLD, titleSimilarity } from './title-similarity';

const RESNET = 'Deep Residual Learning for Image Recognition';

describe('titleSimilarity', () => {
  it('is 100 for the same title whatever the case, punctuation, accents or word order', () => {
    assert.equal(titleSimilarity('Attention Is All You Need', 'attention is all you need.'), 100);
    assert.equal(titleSimilarity("Schrödinger's Cat", 'schrodinger s cat'), 100);
    assert.equal(titleSimilarity('All You Need Is Attention', 'Attention Is All You Need'), 100);
    assert.equal(titleSimilarity('<i>Deep</i> Learning', 'Deep Learning'), 100);
  });

  // Sorted tokens, indel distance d over total length L, ratio round(100·(L − d)/L):
  // "deep for image learning recognition residual" (44) vs
  // "deep for image networks recognition residual" (44): d = 12, 76/88 = 86.4 -> 86;
  // "deep for learning pattern recognition residual" (46): d = 14, 76/90 = 84.4 -> 84.
  it('scores near-miss titles on either side of the default threshold of 85', () => {
    assert.equal(DEFAULT_TITLE_THRESHOLD, 85);
    assert.equal(titleSimilarity(RESNET, 'Deep Residual Networks for Image Recognition'), 86);
    assert.equal(titleSimilarity(RESNET, 'Deep Residual Learning for Pattern Recognition'), 84);
  });

  it('does not score a subset of the title as a match, unlike token-set ratio', () => {
    // "attention" (9) vs "all attention is need you" (25): d = 16, 18/34 = 52.9 -> 53.
    assert.equal(titleSimilarity('Attention', 'Attention Is All You Need'), 53);
  });

  it('compares non-Latin titles', () => {
    assert.equal(titleSimilarity('深度学习 综述', '深度学习 综述'), 100);
    // "深度学习 综述" vs "学习 机器" sorted: d = 6 of L = 12 -> 50.
    assert.equal(titleSimilarity('深度学习 综述', '机器 学习'), 50);
  });

  it('is 0 when either title has no words', () => {
    assert.equal(titleSimilarity('', 'Attention Is All You Need'), 0);
    assert.equal(titleSimilarity('?!', '...'), 0);
  });
});
