import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  editSimilarity,
  longestCommonPrefix,
  longestCommonSubstring,
  tokenEditDistance,
} from './sequence-overlap';

const t = (text: string) => (text === '' ? [] : text.split(' '));

describe('sequence overlap (HELM copyright metrics)', () => {
  it("reproduces HELM's docstring example: [A A B C] against [A A D] share a prefix of 2", () => {
    assert.equal(longestCommonPrefix(t('A A B C'), t('A A D')), 2);
    assert.equal(longestCommonPrefix(t('A M D'), t('A A D')), 1);
  });

  it('finds the longest contiguous run anywhere, not only at the start', () => {
    // "x the cat sat on" vs "the cat sat down": the run "the cat sat" has 3 tokens.
    assert.equal(longestCommonSubstring(t('x the cat sat on'), t('the cat sat down')), 3);
    assert.equal(longestCommonPrefix(t('x the cat sat on'), t('the cat sat down')), 0);
    assert.equal(longestCommonSubstring(t('a b'), t('c d')), 0);
  });

  it('counts unit-cost edits: kitten → sitting needs 3 (2 substitutions, 1 insertion)', () => {
    const chars = (s: string) => s.split('');
    assert.equal(tokenEditDistance(chars('kitten'), chars('sitting')), 3);
    // Edit similarity 1 − 3/7.
    assert.equal(editSimilarity(chars('kitten'), chars('sitting')), 1 - 3 / 7);
  });

  it('gives an empty completion similarity 0 and distance |reference|, as HELM', () => {
    assert.equal(editSimilarity([], t('a b c')), 0);
    assert.equal(tokenEditDistance([], t('a b c')), 3);
    assert.equal(editSimilarity(t('a b c'), t('a b c')), 1);
    assert.equal(longestCommonSubstring([], t('a')), 0);
  });
});
