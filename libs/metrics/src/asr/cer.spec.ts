import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { characterErrorRate } from './cer';

const pair = (id: string, reference: string, hypothesis: string) => ({ id, reference, hypothesis });

describe('characterErrorRate', () => {
  it('aligns code points and leaves out spaces, as sclite -c does', () => {
    const score = characterErrorRate([pair('u1', 'héllo wörld', 'hello world')]);
    assert.deepEqual([score.refChars, score.hits, score.substitutions, score.cer], [10, 8, 2, 0.2]);
    assert.equal(characterErrorRate([pair('u1', 'ab cd', 'abcd')]).cer, 0);
  });

  it('counts the spaces between words when asked, as jiwer does', () => {
    const score = characterErrorRate([pair('u1', 'ab cd', 'abcd')], { countSpaces: true });
    assert.deepEqual(
      [score.countSpaces, score.refChars, score.deletions, score.cer],
      [true, 5, 1, 0.2],
    );
  });

  it('counts every kept whitespace character when spaces count and whitespace is not collapsed', () => {
    const options = { countSpaces: true, normalization: { whitespace: 'keep' as const } };
    assert.equal(characterErrorRate([pair('u1', 'a \t b', 'a b')], options).deletions, 2);
  });

  it('treats a character outside the BMP as one character', () => {
    const score = characterErrorRate([pair('u1', '𝒳y', 'y')]);
    assert.deepEqual([score.refChars, score.deletions, score.cer], [2, 1, 0.5]);
  });

  it('deletes every reference character when the hypothesis is empty', () => {
    const score = characterErrorRate([pair('u1', '日本語', '')]);
    assert.deepEqual([score.deletions, score.cer], [3, 1]);
  });

  it('counts insertions against an empty reference in the corpus only', () => {
    const score = characterErrorRate([pair('u1', 'ab', 'ab'), pair('u2', '', 'xyz')]);
    assert.equal(score.perUtterance[1].cer, null);
    assert.deepEqual([score.insertions, score.cer], [3, 1.5]);
  });

  it('keeps the word-level keys as aliases of the character counts', () => {
    const score = characterErrorRate([pair('u1', 'abc', 'abd')]);
    assert.deepEqual([score.unit, score.refWords, score.wer], ['char', 3, 1 / 3]);
    const [utterance] = score.perUtterance;
    assert.deepEqual(
      [utterance.refChars, utterance.refWords, utterance.errors, utterance.cer],
      [3, 3, 1, 1 / 3],
    );
  });
});
