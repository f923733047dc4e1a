import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { wilsonInterval } from '@lastmile/metrics';
import { isComplete, requiredRuns, shouldJoinBaseline } from './baseline-policy';
import {
  EMPTY_BASELINE,
  baselineEstimate,
  runsBeyondWindow,
  withRun,
  withoutRun,
} from './baseline-state';
import { ItemValues } from '../drift/item-value-columns';
import { decodeItemStats, encodeItemStats } from './stored-item-stats';
import { baselineVersionKey, pinnedVersionKey } from './version-key';

const run = (correct: number[]) =>
  ItemValues.fromEntries(correct.map((c, i) => [`i${i}`, { num: c, den: 1 }]));

describe('baselines', () => {
  it('keys a baseline by model spec and slice content', () => {
    assert.equal(
      baselineVersionKey('a'.repeat(64), 'b'.repeat(64)),
      `${'a'.repeat(16)}:${'b'.repeat(16)}`,
    );
    assert.equal(pinnedVersionKey('x:y'), 'pinned:x:y');
  });

  it('needs n runs for first_n (default 3) and the window for rolling', () => {
    assert.equal(requiredRuns({ kind: 'first_n' }), 3);
    assert.equal(requiredRuns({ kind: 'rolling', n: 3, window: 5 }), 5);
    assert.equal(isComplete({ pinned: false, runIds: ['a', 'b'] }, { kind: 'first_n' }), false);
    assert.equal(isComplete({ pinned: true, runIds: ['a'] }, { kind: 'first_n' }), true);
  });

  it('lets runs join first_n until full, rolling unless they drifted, and never a pin', () => {
    const state = (runs: number, drifted = false, comparedWithOtherVersion = false) => ({
      runs,
      drifted,
      comparedWithOtherVersion,
    });
    assert.equal(shouldJoinBaseline({ kind: 'first_n', n: 3 }, state(2)), true);
    assert.equal(shouldJoinBaseline({ kind: 'first_n', n: 3 }, state(3)), false);
    assert.equal(shouldJoinBaseline({ kind: 'first_n', n: 3 }, state(0, false, true)), false);
    assert.equal(shouldJoinBaseline({ kind: 'rolling', window: 4 }, state(9)), true);
    assert.equal(shouldJoinBaseline({ kind: 'rolling', window: 4 }, state(9, true)), false);
    assert.equal(shouldJoinBaseline({ kind: 'pinned' }, state(0)), false);
  });

  it('pools runs item by item, keeps each run’s value, and rolls the oldest run out', () => {
    let state = withRun(EMPTY_BASELINE, 'r1', run([1, 0]), 0.5);
    state = withRun(state, 'r2', run([1, 1]), 1);
    assert.deepEqual(withRun(state, 'r2', run([1, 1]), 1), state, 'a run joins once');
    assert.deepEqual(
      { ...state, items: state.items.toRecord() },
      {
        runIds: ['r1', 'r2'],
        runValues: [0.5, 1],
        items: { i0: { num: 2, den: 2 }, i1: { num: 1, den: 2 } },
      },
    );
    assert.deepEqual(runsBeyondWindow(state, { kind: 'rolling', window: 1 }), ['r1']);
    assert.deepEqual(runsBeyondWindow(state, { kind: 'first_n', n: 1 }), []);
    const rolled = withoutRun(state, 'r1', run([1, 0]));
    assert.deepEqual(
      { ...rolled, items: rolled.items.toRecord() },
      { runIds: ['r2'], runValues: [1], items: run([1, 1]).toRecord() },
    );
  });

  it('estimates a 0/1 proportion with Wilson and a pooled one with the bootstrap', () => {
    const binary = baselineEstimate('proportion', run([1, 1, 1, 0]), 1);
    const wilson = wilsonInterval(3, 4);
    assert.deepEqual(binary, { value: 0.75, ciLow: wilson.low, ciHigh: wilson.high });
    const pooled = baselineEstimate(
      'proportion',
      ItemValues.fromRecord({
        a: { num: 1, den: 2 },
        b: { num: 2, den: 2 },
        c: { num: 0, den: 2 },
      }),
      1,
    );
    assert.equal(pooled.value, 0.5);
    assert.ok(
      pooled.ciLow! >= 0 && pooled.ciHigh! <= 1 && pooled.ciLow! < 0.5 && pooled.ciHigh! > 0.5,
    );
  });

  it('stores item stats as parallel arrays, and still reads the keyed [num, den] form', () => {
    const items = { a: { num: 3, den: 10 }, b: { num: 0, den: 4 } };
    const stored = encodeItemStats(ItemValues.fromRecord(items));
    assert.deepEqual(stored, { ids: ['a', 'b'], num: [3, 0], den: [10, 4] });
    const decoded = (x: unknown) => decodeItemStats(x).toRecord();
    assert.deepEqual(decoded(JSON.parse(JSON.stringify(stored))), items);
    assert.deepEqual(decoded({ a: [3, 10], b: [0, 4], junk: 'x' }), items);
    assert.deepEqual(decoded({ ids: ['a', 'b'], num: [3, null], den: [10, 4] }), { a: items.a });
    // Items of a keyed baseline that happen to be named like the arrays are items.
    assert.deepEqual(decoded({ ids: [1, 2], num: [3, 4], den: [5, 6] }), {
      ids: { num: 1, den: 2 },
      num: { num: 3, den: 4 },
      den: { num: 5, den: 6 },
    });
    assert.deepEqual(decoded(null), {});
  });
});
