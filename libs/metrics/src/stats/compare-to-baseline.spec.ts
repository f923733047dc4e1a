import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RatioItem } from './bootstrap-ratio';
import { compareToBaseline } from './compare-to-baseline';

const close = (actual: number, expected: number, tolerance = 1e-12) =>
  assert.ok(Math.abs(actual - expected) < tolerance, `${actual} ≠ ${expected}`);

/** n items, all correct in the baseline except `wrongBefore`; `lost`/`gained` flip afterwards. */
function correctness(n: number, lost: number, gained: number) {
  const baseline = new Map<string, number>();
  const current = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const before = i < lost ? 1 : i < lost + gained ? 0 : 1;
    const after = i < lost ? 0 : i < lost + gained ? 1 : 1;
    baseline.set(`item-${i}`, before);
    current.set(`item-${i}`, after);
  }
  return { baseline, current };
}

describe('compareToBaseline', () => {
  it('pairs correct/incorrect items by id and uses exact McNemar (6 lost, 1 gained: p = 16/128)', () => {
    const result = compareToBaseline({
      kind: 'proportion',
      direction: 'higher_is_better',
      ...correctness(40, 6, 1),
      seed: 1,
    });
    assert.equal(result.test, 'mcnemar-exact');
    assert.equal(result.paired, true);
    close(result.pValue, 16 / 128);
    close(result.pWorse, 8 / 128);
    close(result.delta, -5 / 40);
    close(result.baselineValue, 39 / 40);
    close(result.currentValue, 34 / 40);
  });

  it('tests unpaired proportions when the runs share no items, accepting records and booleans', () => {
    const baseline: Record<string, boolean> = {};
    const current: Record<string, boolean> = {};
    for (let i = 0; i < 80; i++) baseline[`old-${i}`] = i < 48;
    for (let i = 0; i < 70; i++) current[`new-${i}`] = i < 56;
    const result = compareToBaseline({
      kind: 'proportion',
      direction: 'lower_is_better',
      baseline,
      current,
      seed: 1,
    });
    assert.equal(result.paired, false);
    assert.equal(result.test, 'two-proportion-z');
    close(result.pWorse, 0.004022540684098352, 1e-9); // pooled z = 2.65017, see proportion specs
  });

  it('pairs on the shared ids when a few items failed in one run', () => {
    const { baseline, current } = correctness(40, 6, 1);
    current.delete('item-39');
    const result = compareToBaseline({
      kind: 'proportion',
      direction: 'higher_is_better',
      baseline,
      current,
      seed: 1,
    });
    assert.equal(result.paired, true);
    assert.deepEqual(result.n, { baseline: 39, current: 39 });
  });

  it('finds a WER that rose on every utterance worse with p = 1/(B + 1) and Σ(e_cur − e_base)/Σn', () => {
    const baseline = new Map<string, RatioItem>();
    const current = new Map<string, RatioItem>();
    for (let i = 0; i < 30; i++) {
      baseline.set(`u${i}`, { num: i % 3, den: 10 });
      current.set(`u${i}`, { num: (i % 3) + 1, den: 10 });
    }
    const result = compareToBaseline({
      kind: 'ratio',
      direction: 'lower_is_better',
      baseline,
      current,
      seed: 7,
      resamples: 999,
    });
    assert.equal(result.test, 'paired-bootstrap');
    close(result.delta, 30 / 300);
    close(result.pWorse, 1 / 1000);
    close(result.pBetter, 1);
    assert.ok(result.deltaInterval.low > 0);
  });

  it('sees no change at all between identical runs', () => {
    const run = new Map(Array.from({ length: 20 }, (_, i): [string, number] => [`x${i}`, i * 0.1]));
    const result = compareToBaseline({
      kind: 'mean',
      direction: 'higher_is_better',
      baseline: run,
      current: run,
      seed: 3,
    });
    assert.equal(result.delta, 0);
    assert.deepEqual(result.deltaInterval, { low: 0, high: 0 });
    assert.equal(result.pValue, 1);
  });

  it('bootstraps unpaired means and is reproducible for a given seed', () => {
    const baseline = Object.fromEntries(
      Array.from({ length: 50 }, (_, i) => [`b${i}`, (i % 10) / 10]),
    );
    const current = Object.fromEntries(
      Array.from({ length: 50 }, (_, i) => [`c${i}`, (i % 10) / 10 + 0.2]),
    );
    const input = {
      kind: 'mean' as const,
      direction: 'higher_is_better' as const,
      baseline,
      current,
      seed: 11,
    };
    const result = compareToBaseline(input);
    assert.equal(result.test, 'bootstrap');
    close(result.delta, 0.2, 1e-9);
    assert.ok(result.pBetter < 0.01 && result.pWorse > 0.99);
    assert.deepEqual(compareToBaseline(input), result);
  });

  it('with a minimum effect tests the shifted null, which needs more evidence', () => {
    const input = {
      kind: 'proportion' as const,
      direction: 'higher_is_better' as const,
      ...correctness(400, 30, 10),
      seed: 1,
    };
    const plain = compareToBaseline(input);
    const shifted = compareToBaseline({ ...input, minEffect: 0.03 });
    assert.equal(shifted.test, 'paired-score-z');
    assert.ok(shifted.pWorse > plain.pWorse);
  });

  it('rejects proportion items that are not 0/1 and negative minimum effects', () => {
    const bad = { kind: 'proportion' as const, direction: 'higher_is_better' as const, seed: 1 };
    assert.throws(
      () => compareToBaseline({ ...bad, baseline: { a: 0.5 }, current: { a: 1 } }),
      RangeError,
    );
    assert.throws(
      () => compareToBaseline({ ...bad, baseline: { a: 0 }, current: { a: 1 }, minEffect: -1 }),
      RangeError,
    );
  });
});
