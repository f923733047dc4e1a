import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createRng } from '../stats/rng';
import { JAVANMARD_MONTANARI_C, javanmardMontanariGamma, uniformGamma } from './gamma-sequences';
import { lordLevel, lordPlusPlus } from './lord';

const close = (actual: number, expected: number, tolerance = 1e-12) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} ≠ ${expected}`);

describe('LORD++', () => {
  it('gives hand-computed levels and wealth (α 0.1, W₀ 0.05, γ = 1/4 for four tests)', () => {
    const options = { alpha: 0.1, w0: 0.05, gamma: uniformGamma(4) };
    const steps = lordPlusPlus([0.01, 0.02, 0.3, 0.9, 0.5, 0.5, 0], options);
    // t1: γ₁W₀ = .0125, rejected: wealth .05 − .0125 + (α − W₀) = .0875.
    // t2: γ₂W₀ + (α − W₀)γ₁ = .025, rejected: .0875 − .025 + α = .1625.
    // t3: γ₃W₀ + .05γ₂ + .1γ₁ = .05; t4 the same; t5: .05γ₄ + .1γ₃ = .0375; t6: .1γ₄ = .025;
    // t7: nothing left to spend (γ₅… = 0), so even p = 0 is not a discovery.
    const expected = [
      [0.0125, true, 0.0875],
      [0.025, true, 0.1625],
      [0.05, false, 0.1125],
      [0.05, false, 0.0625],
      [0.0375, false, 0.025],
      [0.025, false, 0],
      [0, false, 0],
    ] as const;
    steps.forEach((step, i) => {
      close(step.level, expected[i][0]);
      assert.equal(step.rejected, expected[i][1], `t${i + 1}`);
      close(step.wealthAfter, expected[i][2]);
    });
  });

  it('computes a level from the rejection times alone', () => {
    const options = { alpha: 0.1, w0: 0.05, gamma: uniformGamma(4) };
    close(lordLevel(3, [1, 2], options), 0.05);
    close(lordLevel(3, [], options), 0.0125);
    // Rejections at or after t do not count.
    close(lordLevel(2, [2, 3], options), 0.0125);
  });

  it('never lets the wealth go below zero', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 80 }),
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (pValues, budget, share) => {
          const options = { alpha: 0.05, w0: 0.05 * share, gamma: uniformGamma(budget) };
          return lordPlusPlus(pValues, options).every((step) => step.wealthAfter >= -1e-12);
        },
      ),
    );
  });

  it('spends at most W₀ under the global null whatever the p-values (the union bound)', () => {
    const options = { alpha: 0.05, gamma: uniformGamma(200) };
    const rng = createRng(7);
    let spent = 0;
    for (let t = 1; t <= 500; t++) spent += lordLevel(t, [], options);
    close(spent, 0.025, 1e-12);
    // Every test at the level it was given: the levels add up to W₀ = α/2 and no more.
    const steps = lordPlusPlus(
      Array.from({ length: 300 }, () => 0.5 + rng() / 2),
      options,
    );
    close(
      steps.reduce((sum, s) => sum + s.level, 0),
      0.025,
    );
  });

  it('refuses settings outside the procedure', () => {
    const gamma = uniformGamma(10);
    assert.throws(() => lordPlusPlus([0.1], { alpha: 0, gamma }), /alpha/);
    assert.throws(() => lordPlusPlus([0.1], { alpha: 0.05, w0: 0.06, gamma }), /w0/);
    assert.throws(() => uniformGamma(0), /budget/);
    assert.throws(() => lordLevel(0, [], { alpha: 0.05, gamma }), /t must/);
  });
});

describe('γ sequences', () => {
  it('spreads a uniform budget evenly and then stops', () => {
    const gamma = uniformGamma(200);
    assert.equal(gamma(1), 1 / 200);
    assert.equal(gamma(200), 1 / 200);
    assert.equal(gamma(201), 0);
    assert.equal(gamma(0), 0);
  });

  it("keeps Javanmard & Montanari's sequence non-increasing with a sum of 0.976 (≤ 1)", () => {
    // Σ to J, plus the tail ∫_J^∞ C·log x/(x·e^{√log x}) dx = 2C·e^{−v}(v³ + 3v² + 6v + 6), v = √log J.
    const J = 1_000_000;
    let sum = 0;
    for (let j = 1; j <= J; j++) sum += javanmardMontanariGamma(j);
    const v = Math.sqrt(Math.log(J));
    const tail = 2 * JAVANMARD_MONTANARI_C * Math.exp(-v) * (v ** 3 + 3 * v ** 2 + 6 * v + 6);
    close(sum + tail, 0.97631, 1e-5);
    for (let j = 1; j < 1000; j++)
      assert.ok(javanmardMontanariGamma(j + 1) <= javanmardMontanariGamma(j) + 1e-15, `j=${j}`);
    close(javanmardMontanariGamma(1), JAVANMARD_MONTANARI_C * Math.log(2));
  });
});
