import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pairedRatioDifferenceDraws } from './bootstrap-difference';
import { bootstrapChangeTest } from './bootstrap-test';
import { compareToBaseline } from './compare-to-baseline';
import { bootstrapRatioInterval } from './bootstrap-ratio';
import {
  deltaMethodChangeTest,
  DELTA_METHOD_MIN_UNITS,
  linearizedRatioInterval,
} from './delta-method-test';
import { createRng } from './rng';

/** Utterances of 3–17 words; each word wrong with probability p (WER-like, bounded items). */
function utterances(n: number, p: number, rng: () => number) {
  return Array.from({ length: n }, () => {
    const words = 3 + Math.floor(rng() * 15);
    let errors = 0;
    for (let w = 0; w < words; w++) if (rng() < p) errors++;
    return { num: errors, den: words };
  });
}

function pairs(n: number, pBase: number, pNow: number, rng: () => number) {
  const base = utterances(n, pBase, rng);
  return base.map((b, i) => {
    let errors = 0;
    for (let w = 0; w < b.den; w++) if (rng() < pNow) errors++;
    return { itemId: `u${i}`, baseline: b, current: { num: errors, den: b.den } };
  });
}

describe('deltaMethodChangeTest', () => {
  it('computes the linearized variance by hand on three items', () => {
    // Items (current a/b, baseline e/f): (1/2, 0/2), (0/1, 0/1), (2/3, 1/3).
    // Ra = 3/6, Re = 1/6; u = (a − Ra·b)/6 − (e − Re·f)/6:
    // u1 = (0)/6 − (−1/3)/6 = 1/18; u2 = (−1/2)/6 − (−1/6)/6 = −1/18; u3 = (1/2)/6 − (1/2)/6 = 0.
    // var = 3/2 · (1/324 + 1/324) = 1/108; Δ = 1/3.
    const records = [
      { itemId: '1', current: { num: 1, den: 2 }, baseline: { num: 0, den: 2 } },
      { itemId: '2', current: { num: 0, den: 1 }, baseline: { num: 0, den: 1 } },
      { itemId: '3', current: { num: 2, den: 3 }, baseline: { num: 1, den: 3 } },
    ];
    const out = deltaMethodChangeTest({ paired: true, pairs: records }, 1, 0, 0.95);
    assert.ok(Math.abs(out.delta - 1 / 3) < 1e-12);
    const se = Math.sqrt(1 / 108);
    assert.ok(Math.abs(out.deltaInterval.high - (1 / 3 + 1.959963984540054 * se)) < 1e-9);
    // worse: Φ((0 − 1/3)/se) = Φ(−3.4641) = 2.66e-4.
    assert.ok(Math.abs(out.oneSided.worse - 0.000266) < 2e-6);
  });

  it('agrees with the paired bootstrap from DELTA_METHOD_MIN_UNITS items up', () => {
    const rng = createRng(11);
    for (const n of [DELTA_METHOD_MIN_UNITS, 2000]) {
      const records = pairs(n, 0.1, 0.13, rng);
      const delta = deltaMethodChangeTest({ paired: true, pairs: records }, 1, 0, 0.95);
      const draws = pairedRatioDifferenceDraws(records, 5, 4000);
      const boot = bootstrapChangeTest(draws, 1, 0, 0.95);
      const width = (i: { low: number; high: number }) => i.high - i.low;
      const ratio = width(delta.deltaInterval) / width(boot.deltaInterval);
      assert.ok(ratio > 0.93 && ratio < 1.07, `n=${n}: interval widths ${ratio}`);
      assert.ok(Math.abs(delta.oneSided.worse - boot.oneSided.worse) < 0.02);
    }
  });

  it('covers the true change 93–97% of the time and keeps false alarms at or under α (seeded simulation, n = 200)', () => {
    const rng = createRng(2024);
    const reps = 600;
    let covered = 0;
    let alarms = 0;
    for (let r = 0; r < reps; r++) {
      // True WERs 0.10 → 0.12: the true change of the corpus ratio is 0.02 in expectation.
      const shifted = pairs(DELTA_METHOD_MIN_UNITS, 0.1, 0.12, rng);
      const out = deltaMethodChangeTest({ paired: true, pairs: shifted }, 1, 0, 0.95);
      if (out.deltaInterval.low <= 0.02 && 0.02 <= out.deltaInterval.high) covered++;
      const unchanged = pairs(DELTA_METHOD_MIN_UNITS, 0.1, 0.1, rng);
      if (
        deltaMethodChangeTest({ paired: true, pairs: unchanged }, 1, 0, 0.95).oneSided.worse < 0.05
      )
        alarms++;
    }
    const coverage = covered / reps;
    assert.ok(coverage >= 0.93 && coverage <= 0.97, `coverage ${coverage}`);
    assert.ok(
      alarms / reps <= 0.05 + 2 * Math.sqrt((0.05 * 0.95) / reps),
      `alarms ${alarms / reps}`,
    );
  });

  it('is what compareToBaseline uses for ratios from DELTA_METHOD_MIN_UNITS items, the bootstrap below', () => {
    const rng = createRng(3);
    const toStats = (records: ReturnType<typeof pairs>, side: 'baseline' | 'current') =>
      Object.fromEntries(records.map((r) => [r.itemId, r[side]]));
    for (const [n, test] of [
      [DELTA_METHOD_MIN_UNITS, 'paired-delta-z'],
      [DELTA_METHOD_MIN_UNITS - 1, 'paired-bootstrap'],
    ] as const) {
      const records = pairs(n, 0.1, 0.1, rng);
      const out = compareToBaseline({
        kind: 'ratio',
        direction: 'lower_is_better',
        baseline: toStats(records, 'baseline'),
        current: toStats(records, 'current'),
        seed: 1,
      });
      assert.equal(out.test, test);
    }
  });

  it('gives one run’s ratio an interval that agrees with the bootstrap from DELTA_METHOD_MIN_UNITS items', () => {
    const items = utterances(DELTA_METHOD_MIN_UNITS, 0.1, createRng(8));
    const normal = linearizedRatioInterval(items);
    const boot = bootstrapRatioInterval(items, { seed: 2, resamples: 4000 });
    const ratio = (normal.high - normal.low) / (boot.high - boot.low);
    assert.ok(ratio > 0.93 && ratio < 1.07, `widths ${ratio}`);
    // Σ(a − R·b)² by hand on three items: (1/4, 0/2, 3/4): R = 4/10, residuals 1 − 1.6, −0.8, 3 − 1.6.
    const three = linearizedRatioInterval([
      { num: 1, den: 4 },
      { num: 0, den: 2 },
      { num: 3, den: 4 },
    ]);
    const se = Math.sqrt((1.5 * (0.36 + 0.64 + 1.96)) / 100);
    assert.ok(Math.abs(three.high - (0.4 + 1.959963984540054 * se)) < 1e-9);
  });
});
