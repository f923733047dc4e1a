import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRng, standardNormal } from '../stats/rng';
import { wadaSnr } from './wada-snr';

/** Gamma(shape < 1) by Marsaglia–Tsang on shape + 1, times U^(1/shape). */
function gamma(rng: () => number, shape: number): number {
  const d = shape + 1 - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = standardNormal(rng);
    const v = (1 + c * x) ** 3;
    if (v <= 0) continue;
    const u = rng();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v))
      return d * v * rng() ** (1 / shape);
  }
}

/** The paper's model: Gamma(0.4) amplitudes with random signs plus Gaussian noise at `snrDb`. */
function modelSignal(seed: number, snrDb: number, n = 200_000): Float32Array {
  const rng = createRng(seed);
  const speech = Float64Array.from({ length: n }, () => (rng() < 0.5 ? -1 : 1) * gamma(rng, 0.4));
  const power = speech.reduce((s, x) => s + x * x, 0) / n;
  const noiseSd = Math.sqrt(power / 10 ** (snrDb / 10));
  return Float32Array.from(speech, (x) => (x + noiseSd * standardNormal(rng)) / 40);
}

describe('wadaSnr (Kim & Stern 2008)', () => {
  it('recovers the SNR of its own model within 1 dB from 0 to 30 dB', (t) => {
    for (const snr of [0, 10, 20, 30]) {
      const estimate = wadaSnr(modelSignal(snr + 1, snr))!;
      t.diagnostic(`model at ${snr} dB: WADA ${estimate.toFixed(2)} dB`);
      assert.ok(Math.abs(estimate - snr) <= 1, `${snr} dB read as ${estimate}`);
    }
  });

  it('reads Gaussian noise far below 0 dB and silence as unknown', () => {
    // G of pure Gaussian noise is 0.4094 in theory; the table's low end is nearly flat
    // (0.4097 at −20 dB, 0.4124 at −9 dB), so sampling noise moves the reading a lot there.
    for (const seed of [3, 4, 5]) {
      const rng = createRng(seed);
      const noise = Float32Array.from({ length: 100_000 }, () => 0.1 * standardNormal(rng));
      assert.ok(wadaSnr(noise)! <= -9, `noise read as ${wadaSnr(noise)} dB`);
    }
    assert.equal(wadaSnr(new Float32Array(100)), null);
  });
});
