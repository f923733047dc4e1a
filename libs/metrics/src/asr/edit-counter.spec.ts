import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EditCounter } from './edit-counter';

describe('EditCounter', () => {
  it('reuses its buffers across utterances of different lengths', () => {
    const counter = new EditCounter();
    const counts = () => [
      counter.hits,
      counter.substitutions,
      counter.deletions,
      counter.insertions,
    ];
    counter.count([1, 2, 3], 3, [1, 9, 3, 4], 4);
    assert.deepEqual(counts(), [2, 1, 0, 1]);
    counter.count(new Int32Array(200).fill(5), 200, [5], 1);
    assert.deepEqual(counts(), [1, 0, 199, 0]);
    counter.count([7], 1, [], 0);
    assert.deepEqual(counts(), [0, 0, 1, 0]);
  });

  it('switches to wide rows when an utterance is too long to pack cost and hits into 32 bits', () => {
    // 8192 x 8192 tokens need 14 hit bits: 3·16384 · 2^16 exceeds 2^31, so the wide path runs.
    const length = 8192;
    const ref = Int32Array.from({ length }, (_, i) => i);
    const hyp = ref.map((token, i) => (i % 100 === 50 ? -token : token));
    const counter = new EditCounter().count(ref, length, hyp, length);
    assert.deepEqual(
      [counter.hits, counter.substitutions, counter.deletions, counter.insertions],
      [length - 82, 82, 0, 0],
    );
  });
});
