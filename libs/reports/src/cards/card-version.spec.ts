import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cardVersionKey } from './build-card';

const model = { id: '00000000-0000-4000-8000-000000000010', version: '2026-03' };
const runs = ['00000000-0000-4000-8000-000000000050', '00000000-0000-4000-8000-000000000051'];
const notes = { intendedUse: 'Answering questions.', outOfScope: null, contact: 'ml@example.com' };

describe('cardVersionKey', () => {
  it('is the same for the same model version, set of runs and notes, in any order', () => {
    assert.equal(
      cardVersionKey(model, runs, notes),
      cardVersionKey(model, [...runs].reverse(), { ...notes }),
    );
  });

  it('changes with the model version, the runs summarized, or an edit of the notes', () => {
    const key = cardVersionKey(model, runs, notes);
    const others = [
      cardVersionKey({ ...model, version: '2026-04' }, runs, notes),
      cardVersionKey(model, runs.slice(1), notes),
      cardVersionKey(model, [...runs, '00000000-0000-4000-8000-000000000052'], notes),
      cardVersionKey(model, runs, { ...notes, contact: null }),
    ];
    assert.equal(new Set([key, ...others]).size, 5);
  });
});
