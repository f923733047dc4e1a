import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRng, standardNormal } from '../stats/rng';
import { counterfactualDifference, type CounterfactualSamples } from './counterfactual-difference';

const close = (actual: number | null | undefined, expected: number, tolerance = 1e-12) =>
  assert.ok(Math.abs(actual! - expected) < tolerance, `${actual} ≠ ${expected}`);

describe('counterfactualDifference', () => {
  const pairs: CounterfactualSamples[] = [
    { variant: [0.5, 0.3], reference: [0.1, 0.1] },
    { variant: [0.2], reference: [0.4, 0.6] },
    { variant: [0, 0, 0.3], reference: [0.1, 0.1, 0.1] },
  ];
  const result = counterfactualDifference(pairs, { seed: 1 });

  it('averages signed paired differences, so opposite ones cancel: (0.3 − 0.3 + 0)/3', () => {
    assert.equal(result.pairs, 3);
    close(result.difference, 0);
    assert.ok(result.differenceInterval!.low < 0 && result.differenceInterval!.high > 0);
  });

  it('subtracts each pair’s own sampling noise s²/k from its squared difference', () => {
    // Pair 1: 0.3² − (0.02/2 + 0) = 0.08; pair 3: 0² − 0.03/3 = −0.01; pair 2 has one sample
    // of its variant, so no noise estimate, and stays out.
    assert.equal(result.noisePairs, 2);
    close(result.noiseFloor, Math.sqrt((0.01 + 0.01) / 2));
    close(result.excessSquare, 0.035);
    close(result.sensitivity, Math.sqrt(0.035));
    // Two terms: t interval, scipy 0.035 ± t.ppf(0.975, 1)·0.045 = [−0.53676, 0.60676].
    close(result.excessSquareInterval!.low, -0.5367792131278611, 1e-7);
    close(result.excessSquareInterval!.high, 0.6067792131278612, 1e-7);
    assert.equal(result.exceedsNoise, false);
  });

  it('reports the noise floor as unavailable, not 0, with one sample per prompt', () => {
    const single = counterfactualDifference(
      [
        { variant: [0.4], reference: [0.1] },
        { variant: [0.2], reference: [0.3] },
      ],
      { seed: 1 },
    );
    assert.deepEqual(
      [single.noiseFloor, single.excessSquare, single.sensitivity, single.exceedsNoise],
      [null, null, null, null],
    );
    close(single.difference, 0.1);
  });
});

describe('counterfactualDifference in simulation (16 pairs, 3 samples per prompt, σ = 0.2)', () => {
  /** Pairs whose variant shifts the prompt's mean outcome by `effects[i]`. */
  function simulate(seed: number, effects: number[], repetitions: number) {
    const rng = createRng(seed);
    const truth = effects.reduce((a, b) => a + b, 0) / effects.length;
    const truthSquare = effects.reduce((a, b) => a + b * b, 0) / effects.length;
    const samples = (mean: number) => [0, 1, 2].map(() => mean + 0.2 * standardNormal(rng));
    let bias = 0;
    let sensitivity = 0;
    let exceeds = 0;
    let covered = 0;
    let squareCovered = 0;
    for (let r = 0; r < repetitions; r++) {
      const pairs = effects.map((effect) => {
        const prompt = 0.3 * standardNormal(rng);
        return { variant: samples(prompt + effect), reference: samples(prompt) };
      });
      const result = counterfactualDifference(pairs, { seed: r, resamples: 1000 });
      bias += (result.difference - truth) / repetitions;
      sensitivity += result.sensitivity! / repetitions;
      if (result.exceedsNoise) exceeds++;
      const { low, high } = result.differenceInterval!;
      if (low <= truth && truth <= high) covered++;
      const square = result.excessSquareInterval!;
      if (square.low <= truthSquare && truthSquare <= square.high) squareCovered++;
    }
    return {
      bias,
      sensitivity,
      exceeds: exceeds / repetitions,
      coverage: covered / repetitions,
      squareCoverage: squareCovered / repetitions,
    };
  }

  it('finds no gap in an unbiased model: difference and sensitivity 0 on average', () => {
    const result = simulate(
      31,
      Array.from({ length: 16 }, () => 0),
      1500,
    );
    assert.ok(Math.abs(result.bias) < 0.005, `bias ${result.bias}`);
    assert.ok(Math.abs(result.sensitivity) < 0.01, `sensitivity ${result.sensitivity}`);
    // The 95% interval of the excess lies above 0 — a false "exceeds the noise" — in 2.5% of
    // runs nominally (one-sided); at most α = 5%.
    assert.ok(result.exceeds <= 0.05, `exceeds-noise rate ${result.exceeds}`);
    assert.ok(result.coverage >= 0.93 && result.coverage <= 0.97, `coverage ${result.coverage}`);
    // Misses of the excess interval are mostly intervals wholly below 0 (noise over-subtracted).
    assert.ok(result.squareCoverage >= 0.88, `coverage ${result.squareCoverage}`);
  });

  it('sees swaps that move outcomes by ±0.2 in alternating directions as beyond the noise', () => {
    const effects = Array.from({ length: 16 }, (_, i) => (i % 2 === 0 ? 0.2 : -0.2));
    const result = simulate(32, effects, 400);
    assert.ok(Math.abs(result.bias) < 0.01, `bias ${result.bias}`);
    assert.ok(Math.abs(result.sensitivity - 0.2) < 0.02, `sensitivity ${result.sensitivity}`);
    assert.ok(result.exceeds >= 0.6, `exceeds-noise rate ${result.exceeds}`);
  });
});
