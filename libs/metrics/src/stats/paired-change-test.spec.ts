import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pairedChangeTest } from './paired-change-test';
import type { PairedRecord } from './paired-units';
import { createRng } from './rng';
import { binomialDraw } from './simulated-corpus.fixture';

const close = (actual: number | null, expected: number, tolerance = 1e-12) =>
  assert.ok(Math.abs(actual! - expected) < tolerance, `${actual} ≠ ${expected}`);

/** Items whose value went from 0 to each of `changes` (a mean: den 1). */
const meanChanges = (changes: number[]): PairedRecord[] =>
  changes.map((change, i) => ({
    itemId: `i${i}`,
    baseline: { num: 0, den: 1 },
    current: { num: change, den: 1 },
  }));

const lowerIsBetter = { direction: 'lower_is_better' as const, seed: 5 };

describe('pairedChangeTest', () => {
  it('enumerates the 8 sign flips of changes 1, 2, 3: only the observed one is as large, p = 1/8', () => {
    const result = pairedChangeTest(meanChanges([1, 2, 3]), lowerIsBetter);
    assert.equal(result.test, 'sign-flip-exact');
    close(result.delta, 2);
    close(result.pWorse, 1 / 8);
    close(result.pBetter, 1);
    close(result.pValue, 1 / 4);
    // 1/8 > 0.05: no result of 3 items can be significant, whatever the effect.
    assert.equal(result.mde, Infinity);
    assert.equal(result.status, 'underpowered');
  });

  it('reaches p = 1/32 with five items and reports the MDE (t₀.₉₅,₄ + t₀.₈,₄)·se', () => {
    const result = pairedChangeTest(meanChanges([1, 2, 3, 4, 5]), lowerIsBetter);
    close(result.pWorse, 1 / 32);
    // se² = 5/4 · Σ((d − 3)/5)² = 0.5; scipy (t.ppf(.95, 4) + t.ppf(.8, 4))·√0.5 = 2.17280575248.
    close(result.mde, 2.1728057524816524, 1e-7);
    assert.equal(result.status, 'tested');
    assert.equal(
      pairedChangeTest(meanChanges([1, 2, 3, 4, 5]), { ...lowerIsBetter, minEffect: 1 }).status,
      'underpowered',
    );
    assert.ok(result.interval!.low > 0 && result.interval!.high <= 5);
  });

  it('flips whole speakers: WER 0.1 → 0.3 over two speakers gives p = 1/4', () => {
    const item = (id: string, cluster: string, base: number, cur: number, den: number) => ({
      itemId: id,
      cluster,
      baseline: { num: base, den },
      current: { num: cur, den },
    });
    // Speaker s1: 2/20 → 5/20 errors; s2: 1/10 → 4/10. Flipping either speaker gives 6/30 − 6/30
    // = 0, both gives −0.2: only the observed arrangement reaches +0.2.
    const records = [
      item('a', 's1', 1, 2, 10),
      item('b', 's1', 1, 3, 10),
      item('c', 's2', 1, 4, 10),
    ];
    const result = pairedChangeTest(records, lowerIsBetter);
    assert.deepEqual([result.n, result.clusters], [3, 2]);
    close(result.delta, 0.2);
    close(result.pWorse, 1 / 4);
    assert.equal(result.status, 'underpowered');
  });

  it('does not test below 3 items and says so', () => {
    const result = pairedChangeTest(meanChanges([1, 2]), lowerIsBetter);
    assert.equal(result.status, 'too_small');
    assert.deepEqual([result.pValue, result.interval, result.test], [null, null, null]);
  });

  it('uses exact McNemar for 0/1 items: 6 of 7 lost, 1 gained gives p_worse = 8/128', () => {
    const records = [0, 0, 0, 0, 0, 0, 1].map((now, i) => ({
      itemId: `q${i}`,
      baseline: { num: 1 - now, den: 1 },
      current: { num: now, den: 1 },
    }));
    const result = pairedChangeTest(records, {
      direction: 'higher_is_better',
      kind: 'proportion',
      seed: 1,
    });
    assert.equal(result.test, 'mcnemar-exact');
    close(result.delta, -5 / 7);
    close(result.pWorse, 8 / 128);
    close(result.pValue, 16 / 128);
  });

  it('agrees with the exact enumeration when it samples flips instead', () => {
    const changes = [0.5, -0.2, 0.9, 0.1, 0.4, -0.3, 0.6, 0.2, 0.05, 0.3];
    const exact = pairedChangeTest(meanChanges(changes), lowerIsBetter);
    const sampled = pairedChangeTest(meanChanges(changes), {
      ...lowerIsBetter,
      maxEnumeration: 16,
      permutations: 20_000,
    });
    assert.deepEqual([exact.test, sampled.test], ['sign-flip-exact', 'sign-flip-monte-carlo']);
    // Monte Carlo standard error √(p(1 − p)/20,000) ≈ 0.0012 at p ≈ 0.03.
    close(sampled.pWorse, exact.pWorse!, 0.005);
  });
});

describe('pairedChangeTest in simulation (8 speakers, 4–12 words, per-item WER ~ Exp(mean 0.15))', () => {
  function simulate(seed: number, shift: number, repetitions: number) {
    const rng = createRng(seed);
    let rejected = 0;
    let covered = 0;
    let bias = 0;
    for (let r = 0; r < repetitions; r++) {
      const records: PairedRecord[] = [];
      let change = 0;
      let words = 0;
      for (let c = 0; c < 8; c++) {
        const den = 4 + Math.floor(rng() * 9);
        const rate = Math.min(0.9, -0.15 * Math.log(1 - rng()));
        const after = Math.min(1, rate + shift);
        change += den * (after - rate);
        words += den;
        const baseline = { num: binomialDraw(rng, den, rate), den };
        records.push({
          itemId: `u${c}`,
          baseline,
          current: { num: binomialDraw(rng, den, after), den },
        });
      }
      const truth = change / words;
      const result = pairedChangeTest(records, { ...lowerIsBetter, seed: r, resamples: 1000 });
      if (result.pWorse! < 0.05) rejected++;
      if (result.interval!.low <= truth && truth <= result.interval!.high) covered++;
      bias += (result.delta - truth) / repetitions;
    }
    return { rate: rejected / repetitions, coverage: covered / repetitions, bias };
  }

  it('keeps false alarms below α and covers 93–97% when nothing changed', () => {
    const { rate, coverage, bias } = simulate(11, 0, 800);
    assert.ok(rate <= 0.05, `false-alarm rate ${rate}`);
    assert.ok(coverage >= 0.93 && coverage <= 0.97, `coverage ${coverage}`);
    assert.ok(Math.abs(bias) < 0.003, `bias ${bias}`);
  });

  it('covers 93–97% and is unbiased (|bias| < 0.005) when WER rises by 0.2', () => {
    const { rate, coverage, bias } = simulate(12, 0.2, 800);
    assert.ok(rate > 0.6, `power ${rate}`);
    assert.ok(coverage >= 0.93 && coverage <= 0.97, `coverage ${coverage}`);
    assert.ok(Math.abs(bias) < 0.005, `bias ${bias}`);
  });
});
