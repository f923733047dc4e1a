import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mcnemarExact } from './mcnemar';
import {
  pairedMeanMde,
  pairedProportionMde,
  proportionMde,
  unpairedMeanMde,
} from './minimum-detectable-effect';
import { createRng } from './rng';

const relativeClose = (actual: number, expected: number, tolerance: number) =>
  assert.ok(Math.abs(actual / expected - 1) < tolerance, `${actual} ≠ ${expected}`);

describe('minimum detectable effect of a proportion', () => {
  it('matches statsmodels power_proportions_2indep solved for power 0.8 (one-sided α = 0.05)', () => {
    // brentq(lambda d: power_proportions_2indep(d, 0.05, 500, ratio=1, alpha=0.05,
    //   alternative='larger', return_results=False) - 0.8, …) = 0.04009459001351278
    relativeClose(
      proportionMde({ rate: 0.05, nCurrent: 500, nBaseline: 500 }),
      0.0400945900135,
      1e-9,
    );
    // The same with 8 current against 24 baseline items (ratio=3): 0.39062003497416375.
    relativeClose(proportionMde({ rate: 0.05, nCurrent: 8, nBaseline: 24 }), 0.390620034974, 1e-9);
  });

  it('is within 1e-5 of statsmodels two-sided, which also counts the far rejection region', () => {
    const mde = proportionMde({ rate: 0.2, nCurrent: 100, nBaseline: 300 }, { sides: 2 });
    relativeClose(mde, 0.14033147488982417, 1e-5);
  });

  it('is infinite when no rate up to 1 can be detected', () => {
    assert.equal(proportionMde({ rate: 0.5, nCurrent: 1, nBaseline: 1 }), Infinity);
  });
});

describe('minimum detectable effect of a paired proportion (McNemar)', () => {
  it('solves Connor’s power formula: n = 100, ψ = 0.2 gives δ = 0.1100', () => {
    // scipy brentq on δ√100 − norm.ppf(0.95)·√0.2 − norm.ppf(0.8)·√(0.2 − δ²): 0.11004132816573588.
    relativeClose(pairedProportionMde({ n: 100, discordantRate: 0.2 }), 0.11004132816573588, 1e-9);
  });

  it('is infinite below 5 items, where even all pairs one way give p = 0.5ⁿ > 0.05', () => {
    assert.equal(pairedProportionMde({ n: 4, discordantRate: 1 }), Infinity);
  });

  it('gives the stated power to exact McNemar in a seeded simulation (80% ± 4%)', () => {
    const n = 100;
    const psi = 0.2;
    const delta = pairedProportionMde({ n, discordantRate: psi });
    const rng = createRng(2024);
    const simulations = 2000;
    let detected = 0;
    for (let s = 0; s < simulations; s++) {
      let worsened = 0;
      let improved = 0;
      for (let i = 0; i < n; i++) {
        const u = rng();
        if (u < (psi + delta) / 2) worsened++;
        else if (u < psi) improved++;
      }
      if (mcnemarExact(worsened, improved).worse < 0.05) detected++;
    }
    // The exact test is conservative (discrete), so its power sits a little below the normal 80%.
    const power = detected / simulations;
    assert.ok(power > 0.72 && power < 0.84, `power ${power}`);
  });
});

describe('minimum detectable effect of a mean', () => {
  it('uses (t₀.₉₅,ₙ₋₁ + t₀.₈,ₙ₋₁)·sd/√n, within 1% of statsmodels’ exact tt_solve_power', () => {
    // t.ppf(0.95, 7) + t.ppf(0.8, 7) = 2.7906082493748996; exact noncentral t: 0.97816 (n = 8).
    relativeClose(pairedMeanMde(1, 8), 2.7906082493748996 / Math.sqrt(8), 1e-7);
    relativeClose(pairedMeanMde(1, 8), 0.9781560854504168, 0.01);
    relativeClose(pairedMeanMde(1, 30), 0.46494721950309315, 0.005);
    relativeClose(pairedMeanMde(1, 100), 0.2503649886456738, 0.001);
    assert.equal(pairedMeanMde(1, 1), Infinity);
  });

  it('adds the variances of two independent samples with Welch’s degrees of freedom', () => {
    // se² = 1/8 + 4/24; df = se⁴/((1/8)²/7 + (1/6)²/23) = 24.73;
    // scipy (t.ppf(0.95, df) + t.ppf(0.8, df))·se = 1.3853961744534478 (jstat's t: ~1e-8).
    const mde = unpairedMeanMde({ sd: 1, n: 8 }, { sd: 2, n: 24 });
    relativeClose(mde, 1.3853961744534478, 1e-7);
    assert.ok(mde > (1.6449 + 0.8416) * Math.sqrt(0.2917));
  });
});
