import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { wordErrorRate } from './wer';

const pair = (id: string, reference: string, hypothesis: string) => ({ id, reference, hypothesis });

describe('wordErrorRate', () => {
  it('divides the summed errors by the summed reference words, not the mean of utterance rates', () => {
    const score = wordErrorRate([pair('u1', 'a b c d', 'a b c d'), pair('u2', 'a', 'b')]);
    // (0 + 1) / (4 + 1) = 0.2; the mean of per-utterance rates would be (0 + 1) / 2 = 0.5.
    assert.equal(score.wer, 0.2);
    assert.deepEqual(
      score.perUtterance.map((u) => u.wer),
      [0, 1],
    );
  });

  it('reports hits, substitutions, deletions and insertions per utterance and in total', () => {
    const score = wordErrorRate([
      pair('u1', 'the cat sat on the mat', 'the cat sit on mat mat'),
      pair('u2', 'x y', 'x q y z'),
    ]);
    assert.deepEqual(
      score.perUtterance.map(
        ({ id, hits, substitutions, deletions, insertions, errors, refWords, hypWords }) => ({
          id,
          hits,
          substitutions,
          deletions,
          insertions,
          errors,
          refWords,
          hypWords,
        }),
      ),
      [
        {
          id: 'u1',
          hits: 4,
          substitutions: 2,
          deletions: 0,
          insertions: 0,
          errors: 2,
          refWords: 6,
          hypWords: 6,
        },
        {
          id: 'u2',
          hits: 2,
          substitutions: 0,
          deletions: 0,
          insertions: 2,
          errors: 2,
          refWords: 2,
          hypWords: 4,
        },
      ],
    );
    assert.deepEqual(
      [
        score.utterances,
        score.refWords,
        score.hypWords,
        score.hits,
        score.substitutions,
        score.insertions,
        score.errors,
      ],
      [2, 8, 10, 6, 2, 2, 4],
    );
    assert.equal(score.wer, 0.5);
  });

  it('counts every reference word as deleted when the hypothesis is empty, never a perfect score', () => {
    const score = wordErrorRate([pair('u1', 'turn the lights off', ''), pair('u2', 'yes', '   ')]);
    assert.deepEqual([score.deletions, score.hits, score.errors, score.wer], [5, 0, 5, 1]);
    assert.equal(score.perUtterance[0].wer, 1);
  });

  it('leaves the rate of an empty-reference utterance undefined but counts its insertions in the corpus', () => {
    const score = wordErrorRate([pair('u1', 'a b', 'a b'), pair('u2', '', 'uh huh')]);
    assert.equal(score.perUtterance[1].wer, null);
    assert.deepEqual([score.perUtterance[1].insertions, score.perUtterance[1].errors], [2, 2]);
    assert.equal(score.wer, 1);
  });

  it('has no corpus rate when no utterance has a reference word', () => {
    assert.equal(wordErrorRate([pair('u1', '', 'x')]).wer, null);
    assert.equal(wordErrorRate([]).wer, null);
    assert.equal(wordErrorRate([pair('u1', '', '')]).errors, 0);
  });

  it('scores all-correct as 0 and all-wrong as 1', () => {
    assert.equal(wordErrorRate([pair('u1', 'one two three', 'one two three')]).wer, 0);
    assert.equal(wordErrorRate([pair('u1', 'one two three', 'four five six')]).wer, 1);
  });

  it('normalizes reference and hypothesis the same way and records the normalizer id', () => {
    const pairs = [pair('u1', 'Hello,  World!', 'hello world')];
    const normalized = wordErrorRate(pairs);
    assert.equal(normalized.wer, 0);
    assert.equal(normalized.normalizer, 'lastmile-norm-v1:nfc,lower,strip-punct,collapse-ws');
    const raw = wordErrorRate(pairs, {
      normalization: { lowercase: false, stripPunctuation: false },
    });
    assert.deepEqual(
      [raw.substitutions, raw.wer, raw.normalizer],
      [2, 1, 'lastmile-norm-v1:nfc,collapse-ws'],
    );
  });

  it('matches composed and decomposed unicode words and case-folds beyond ASCII', () => {
    const score = wordErrorRate([pair('u1', 'Café ÜBER 東京', 'cafe\u0301 über 東京')]);
    assert.deepEqual([score.hits, score.wer], [3, 0]);
  });

  it('differs from unit costs where sclite prefers a deletion and an insertion to two substitutions', () => {
    const pairs = [pair('u1', 'the cat', 'cat the')];
    const sclite = wordErrorRate(pairs);
    const unit = wordErrorRate(pairs, { costs: 'unit' });
    assert.deepEqual(
      [sclite.costs, sclite.hits, sclite.deletions, sclite.insertions],
      ['sclite', 1, 1, 1],
    );
    assert.deepEqual([unit.costs, unit.hits, unit.substitutions], ['unit', 0, 2]);
    assert.equal(sclite.wer, unit.wer);
  });

  it('splits words on any whitespace run even when whitespace is kept as is', () => {
    const score = wordErrorRate([pair('u1', ' a\tb \u00a0 c ', 'a b c')], {
      normalization: { whitespace: 'keep' },
    });
    assert.deepEqual(
      [score.refWords, score.hits, score.normalizer],
      [3, 3, 'lastmile-norm-v1:nfc,lower,strip-punct'],
    );
  });

  it('returns each utterance alignment on request', () => {
    const score = wordErrorRate([pair('u1', 'a b', 'a c')], { includeOps: true });
    assert.deepEqual(score.perUtterance[0].ops, [
      { op: 'C', ref: 'a', hyp: 'a' },
      { op: 'S', ref: 'b', hyp: 'c' },
    ]);
    assert.equal(wordErrorRate([pair('u1', 'a', 'a')]).perUtterance[0].ops, undefined);
  });
});
