import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chooseReference, type BaselineCandidate } from './choose-reference';

let clock = 0;
const row = (over: Partial<BaselineCandidate>): BaselineCandidate => ({
  id: `b${++clock}`,
  sliceId: 's1',
  versionKey: 'v1',
  runIds: ['r1', 'r2', 'r3'],
  pinned: false,
  updatedAt: new Date(1_000 * clock),
  ...over,
});
const run = { sliceId: 's1', versionKey: 'v2' };

describe('chooseReference', () => {
  const v1 = row({});
  const v2Filling = row({ versionKey: 'v2', runIds: ['r4'] });

  it('compares with the run’s own version once its baseline is complete', () => {
    const v2 = row({ versionKey: 'v2' });
    assert.deepEqual(chooseReference([v1, v2], run, { kind: 'first_n', n: 3 }), {
      reference: v2,
      own: v2,
      otherVersion: false,
    });
  });

  it('starts a new baseline for a new version: no reference while it fills', () => {
    assert.deepEqual(chooseReference([v1, v2Filling], run, { kind: 'first_n', n: 3 }), {
      reference: null,
      own: v2Filling,
      otherVersion: false,
    });
  });

  it('uses the previous version’s baseline when the plan compares across versions', () => {
    const choice = chooseReference([v1, v2Filling], run, {
      kind: 'first_n',
      n: 3,
      compareAcrossVersions: true,
    });
    assert.deepEqual(choice, { reference: v1, own: v2Filling, otherVersion: true });
    const olderSlice = row({ sliceId: 's0', versionKey: 'v0' });
    assert.equal(
      chooseReference([olderSlice], run, { kind: 'first_n', compareAcrossVersions: true })
        .reference,
      olderSlice,
    );
  });

  it('uses the latest pinned baseline under a pin, whatever the version', () => {
    const pinned = row({ versionKey: 'pinned:v1', pinned: true, runIds: ['r9'] });
    assert.deepEqual(chooseReference([v1, pinned, v2Filling], run, { kind: 'pinned' }), {
      reference: pinned,
      own: null,
      otherVersion: false,
    });
    assert.equal(chooseReference([v1], run, { kind: 'pinned' }).reference, null);
  });

  it('needs a full window for a rolling baseline', () => {
    const rolling = row({ versionKey: 'v2', runIds: ['a', 'b', 'c'] });
    assert.equal(chooseReference([rolling], run, { kind: 'rolling', window: 4 }).reference, null);
    assert.equal(
      chooseReference([rolling], run, { kind: 'rolling', window: 3 }).reference,
      rolling,
    );
  });

  it('never compares across scoring (another normalizer or judge), pinned or across versions', () => {
    const english = row({ versionKey: 'm1:s1:english0000000000', pinned: true });
    const oldModel = row({ versionKey: 'm0:s1:english0000000000' });
    const plain = row({ versionKey: 'm0:s1' });
    const none = { sliceId: 's1', versionKey: 'm1:s1:none000000000000' };
    const across = { kind: 'first_n' as const, n: 3, compareAcrossVersions: true };
    assert.deepEqual(chooseReference([oldModel, plain], none, across), {
      reference: null,
      own: null,
      otherVersion: false,
    });
    assert.equal(chooseReference([english], none, { kind: 'pinned' }).reference, null);
    const sameScoring = { sliceId: 's1', versionKey: 'm1:s1:english0000000000' };
    assert.equal(chooseReference([oldModel, plain], sameScoring, across).reference, oldModel);
    assert.equal(chooseReference([english], sameScoring, { kind: 'pinned' }).reference, english);
  });
});
