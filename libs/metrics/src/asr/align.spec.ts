import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alignTokens } from './align';
import { alignWords } from './wer';

const path = (ref: string, hyp: string, costs: 'sclite' | 'unit' = 'sclite') =>
  alignWords(ref, hyp, { costs })
    .ops.map((step) => step.op)
    .join('');

// Every expected path below was also produced by sclite 2.10 (-o pra) on the same words.
describe('alignTokens', () => {
  it('marks identical sequences as all hits', () => {
    assert.deepEqual(alignTokens(['a', 'b', 'c'], ['a', 'b', 'c']), {
      hits: 3,
      substitutions: 0,
      deletions: 0,
      insertions: 0,
      ops: [
        { op: 'C', ref: 'a', hyp: 'a' },
        { op: 'C', ref: 'b', hyp: 'b' },
        { op: 'C', ref: 'c', hyp: 'c' },
      ],
    });
  });

  it('deletes every reference word when the hypothesis is empty', () => {
    const alignment = alignTokens(['a', 'b'], []);
    assert.deepEqual([alignment.hits, alignment.deletions], [0, 2]);
    assert.deepEqual(alignment.ops, [
      { op: 'D', ref: 'a' },
      { op: 'D', ref: 'b' },
    ]);
  });

  it('inserts every hypothesis word when the reference is empty', () => {
    assert.deepEqual(alignTokens([], ['x']).ops, [{ op: 'I', hyp: 'x' }]);
    assert.deepEqual(alignTokens([], []).ops, []);
  });

  it('substitutes every word when all are wrong, inserting the surplus first as sclite does', () => {
    assert.equal(path('a b c', 'x y z'), 'SSS');
    assert.equal(path('a b', 'x y z'), 'ISS');
  });

  it('prefers a deletion and an insertion (cost 6) to two substitutions (cost 8) under sclite costs', () => {
    assert.equal(path('the cat', 'cat the'), 'DCI');
    assert.equal(path('the cat', 'cat the', 'unit'), 'SS');
  });

  it('breaks ties towards the diagonal, so the first of two repeated words is the deleted one', () => {
    assert.deepEqual(alignTokens(['the', 'the'], ['the']).ops, [
      { op: 'D', ref: 'the' },
      { op: 'C', ref: 'the', hyp: 'the' },
    ]);
    assert.equal(path('a b c', 'b'), 'DCD');
  });

  it('can count more errors than the minimum edit distance, exactly as sclite does', () => {
    // sclite: C2 S0 D3 I2 = 5 errors; Levenshtein needs only 4.
    assert.equal(path('c c c b a', 'b a a b'), 'DDDCICI');
    assert.equal(path('c c c b a', 'b a a b', 'unit'), 'SSSCD');
    // sclite: C5 S0 D3 I3 (cost 18) where 5 substitutions would cost 20.
    assert.equal(path('b b a a c a b b', 'a c a b b a c b'), 'DDDCCCICIIC');
  });

  it('compares unicode words exactly, after normalization', () => {
    assert.equal(path('東京 café', '東京 cafe'), 'CS');
    assert.equal(path('CAFÉ', 'cafe\u0301'), 'C');
  });

  it('takes word arrays as already normalized', () => {
    assert.equal(alignWords(['A'], ['a']).substitutions, 1);
  });

  it('rejects an unknown cost model', () => {
    assert.throws(
      () => alignTokens(['a'], ['a'], { costs: 'levenshtein' as 'unit' }),
      /unknown cost model/,
    );
  });
});
