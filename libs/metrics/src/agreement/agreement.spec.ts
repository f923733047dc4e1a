import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cohensKappa } from './cohen-kappa';
import { judgeDriftTest } from './judge-drift';
import { judgeHumanAgreement, majorityLabel } from './judge-human';
import { krippendorffAlpha, krippendorffAlphaInterval } from './krippendorff-alpha';

const close = (actual: number, expected: number, tolerance = 1e-9) =>
  assert.ok(Math.abs(actual - expected) < tolerance, `${actual} ≠ ${expected}`);

const repeat = (pair: [string, string], times: number) => Array.from({ length: times }, () => pair);

describe("Cohen's kappa", () => {
  // Wikipedia, "Cohen's kappa", worked example: 50 grant proposals read by A and B.
  const proposals = [
    ...repeat(['yes', 'yes'], 20),
    ...repeat(['yes', 'no'], 5),
    ...repeat(['no', 'yes'], 10),
    ...repeat(['no', 'no'], 15),
  ];

  it('gives the Wikipedia example p_o = 0.7, p_e = 0.5, κ = 0.4', () => {
    const result = cohensKappa(proposals);
    close(result.observed, 0.7);
    close(result.expected, 0.5);
    close(result.kappa, 0.4);
  });

  it('gives the Fleiss–Cohen–Everitt standard error worked by hand: √(0.0504/3.125) = 0.12700', () => {
    // Σ p_ii[(1 − p_e) − (p_i. + p_.i)(1 − p_o)]² = 0.01156 + 0.01587; (1 − p_o)² Σ_{i≠j} … = 0.02547;
    // (p_o p_e − 2p_e + p_o)² = 0.0025; over n(1 − p_e)⁴ = 3.125.
    const result = cohensKappa(proposals);
    close(result.standardError!, Math.sqrt(0.0504 / 3.125), 1e-12);
    close(result.interval!.low, 0.4 - 1.959963984540054 * result.standardError!, 1e-9);
  });

  it('is 1 for perfect agreement and undefined when both raters always say the same label', () => {
    assert.equal(
      cohensKappa([
        ['a', 'a'],
        ['b', 'b'],
      ]).kappa,
      1,
    );
    const constant = cohensKappa([
      ['a', 'a'],
      ['a', 'a'],
    ]);
    assert.ok(Number.isNaN(constant.kappa));
    assert.equal(constant.interval, null);
  });
});

describe("Krippendorff's alpha", () => {
  // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", example A: two observers,
  // ten units, binary values; α = 0.095.
  it('gives example A (binary, two observers) α = 1 − 19·8/168 = 0.0952', () => {
    const a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    const result = krippendorffAlpha(a.map((v, i) => [v, b[i]]));
    close(result.alpha, 1 - (19 * 8) / 168);
    assert.equal(result.pairableValues, 20);
  });

  // Example C: four observers, twelve units, missing values. Published: nominal α = 0.743,
  // interval α = 0.849.
  const observers = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
    [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
  ];
  const units = observers[0].map((_, u) => observers.map((o) => o[u]));

  it('gives example C (four observers, missing data) α = 0.743 nominal and 0.849 interval', () => {
    const nominal = krippendorffAlpha(units, 'nominal');
    assert.equal(nominal.alpha.toFixed(3), '0.743');
    assert.deepEqual([nominal.pairableValues, nominal.units], [40, 11]);
    assert.equal(krippendorffAlpha(units, 'interval').alpha.toFixed(3), '0.849');
  });

  it('brackets α with a seeded bootstrap over units', () => {
    const result = krippendorffAlphaInterval(units, 'nominal', { seed: 7, resamples: 1000 });
    assert.ok(result.low < result.alpha && result.alpha < result.high, JSON.stringify(result));
    const again = krippendorffAlphaInterval(units, 'nominal', { seed: 7, resamples: 1000 });
    assert.equal(again.low, result.low);
  });

  it('is undefined (NaN) when no two pairable values differ', () => {
    assert.ok(
      Number.isNaN(
        krippendorffAlpha([
          [1, 1],
          [1, null, 1],
        ]).alpha,
      ),
    );
  });
});

describe('judge against people', () => {
  it('compares the judge with the human majority and leaves ties out', () => {
    assert.equal(majorityLabel(['good', 'bad', 'good']), 'good');
    assert.equal(majorityLabel(['good', 'bad']), null);
    const result = judgeHumanAgreement([
      { itemId: 'a', judge: 'good', humans: ['good', 'good', 'bad'] },
      { itemId: 'b', judge: 'bad', humans: ['good', 'good'] },
      { itemId: 'c', judge: 'bad', humans: ['bad'] },
      { itemId: 'd', judge: 'good', humans: ['good', 'bad'] },
    ]);
    assert.deepEqual([result.n, result.agreements, result.withoutMajority], [3, 2, ['d']]);
    close(result.rate!, 2 / 3);
    // Judge vs majority: (good,good), (bad,good), (bad,bad): p_o = 2/3, p_e = 1/3·2/3 + 2/3·1/3 = 4/9.
    close(result.kappa!.kappa, (2 / 3 - 4 / 9) / (1 - 4 / 9));
  });
});

describe('judge drift on calibration items', () => {
  const items = (agree: boolean[]) => new Map(agree.map((a, i) => [`c${i}`, a]));

  it('flags a judge that lost agreement on 8 items and gained on none (exact p = ½⁸)', () => {
    const before = items([...Array(30).fill(true), ...Array(10).fill(false)]);
    const after = items([
      ...Array(22).fill(true),
      ...Array(8).fill(false),
      ...Array(10).fill(false),
    ]);
    const result = judgeDriftTest(before, after);
    assert.deepEqual([result.n, result.lost, result.gained], [40, 8, 0]);
    close(result.pWorse, 1 / 256);
    assert.equal(result.drifted, true);
    close(result.baselineAgreement!, 0.75);
    close(result.currentAgreement!, 0.55);
  });

  it('does not flag a balanced reshuffle (3 lost, 3 gained) and pairs only shared items', () => {
    const before = items([true, true, true, false, false, false, true]);
    const after = new Map([...items([false, false, false, true, true, true])]);
    const result = judgeDriftTest(before, after);
    assert.deepEqual([result.n, result.lost, result.gained, result.drifted], [6, 3, 3, false]);
    close(result.pTwoSided, 1);
  });
});
