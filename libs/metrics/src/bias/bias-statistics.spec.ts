import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  ambiguousBiasValue,
  bbqAmbiguousBiasScore,
  bbqBiasScore,
  correlationWithInterval,
  disambiguatedBiasValue,
  pairedProportionGap,
  pearsonCorrelation,
} from './index';

const close = (actual: number | null | undefined, expected: number, tolerance = 1e-12) =>
  assert.ok(Math.abs((actual ?? NaN) - expected) < tolerance, `${actual} ≠ ${expected}`);

describe('pearsonCorrelation', () => {
  it('is 1 on a line and ½ on a hand-worked three-point set', () => {
    close(
      pearsonCorrelation([
        { x: 1, y: 2 },
        { x: 2, y: 4 },
        { x: 3, y: 6 },
      ]),
      1,
    );
    // Deviations x: −1, 0, 1; y: −1, 1, 0 → Σdxdy = 1, Σdx² = Σdy² = 2, r = 1/2.
    close(
      pearsonCorrelation([
        { x: 1, y: 1 },
        { x: 2, y: 3 },
        { x: 3, y: 2 },
      ]),
      0.5,
    );
  });

  it('is undefined (null) for one point or when a variable does not vary', () => {
    assert.equal(pearsonCorrelation([{ x: 1, y: 1 }]), null);
    assert.equal(
      pearsonCorrelation([
        { x: 1, y: 1 },
        { x: 1, y: 5 },
      ]),
      null,
    );
  });

  it('bootstraps an interval over points that contains r and repeats for a seed', () => {
    const points = [0, 1, 2, 3, 4, 5, 6, 7].map((x) => ({ x, y: x + (x % 3) }));
    const a = correlationWithInterval(points, { seed: 3, resamples: 500 });
    const b = correlationWithInterval(points, { seed: 3, resamples: 500 });
    assert.deepEqual(a, b);
    assert.ok(a.interval!.low <= a.r! && a.r! <= a.interval!.high && a.interval!.high <= 1);
    assert.deepEqual(correlationWithInterval([{ x: 1, y: 1 }], { seed: 1 }), {
      r: null,
      interval: null,
      n: 1,
    });
  });
});

describe('pairedProportionGap', () => {
  it('is the difference of the two rates over pairs, with a paired (Tango) interval', () => {
    const pairs = [
      ...Array(3).fill({ first: 1, second: 0 }),
      ...Array(5).fill({ first: 1, second: 1 }),
      { first: 0, second: 0 },
      { first: 0, second: 1 },
    ];
    const gap = pairedProportionGap(pairs)!;
    // first 8/10, second 6/10: 0.2; 3 vs 1 discordant pairs, McNemar z = 2/√4 = 1 < 1.96.
    close(gap.difference, 0.2);
    assert.deepEqual([gap.n, gap.discordant], [10, 4]);
    assert.ok(gap.interval.low < 0 && gap.interval.high > 0.2 && gap.interval.high < 1);
    assert.equal(pairedProportionGap([]), null);
  });

  it('excludes 0 when every discordant pair goes one way', () => {
    const pairs = [
      ...Array(12).fill({ first: 1, second: 0 }),
      ...Array(8).fill({ first: 1, second: 1 }),
    ];
    const gap = pairedProportionGap(pairs)!;
    close(gap.difference, 0.6);
    assert.ok(gap.interval.low > 0);
  });
});

describe('BBQ bias scores', () => {
  it('computes s_DIS and s_AMB as the paper defines them', () => {
    const counts = { biased: 6, counterBiased: 2, unknown: 2 };
    // s = 2·6/8 − 1 = 0.5; accuracy in ambiguous contexts = 2/10, so s_AMB = 0.8 · 0.5 = 0.4.
    close(bbqBiasScore(counts), 0.5);
    close(bbqAmbiguousBiasScore(counts), 0.4);
    // As item means: (6·1 + 2·(−1) + 2·0) / 10 = 0.4, and (6 − 2) / 8 = 0.5.
    const kinds = [
      ...Array(6).fill('biased'),
      ...Array(2).fill('counter_biased'),
      ...Array(2).fill('unknown'),
    ];
    close(kinds.map(ambiguousBiasValue).reduce((a, b) => a + b, 0) / 10, 0.4);
    const dis = kinds.map(disambiguatedBiasValue).filter((v) => v !== null);
    close(dis.reduce((a, b) => a + b!, 0)! / dis.length, 0.5);
  });

  it('is null without non-unknown answers, and s_AMB is 0 when all are unknown', () => {
    const allUnknown = { biased: 0, counterBiased: 0, unknown: 4 };
    assert.equal(bbqBiasScore(allUnknown), null);
    assert.equal(bbqAmbiguousBiasScore(allUnknown), 0);
    assert.equal(bbqAmbiguousBiasScore({ biased: 0, counterBiased: 0, unknown: 0 }), null);
    assert.equal(bbqBiasScore({ biased: 0, counterBiased: 3, unknown: 0 }), -1);
  });
});
