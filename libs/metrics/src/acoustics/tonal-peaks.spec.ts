import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRng, standardNormal } from '../stats/rng';
import { tonalPeaks } from './tonal-peaks';
import { welchSpectrum } from './welch-spectrum';

const RATE = 16_000;

function signal(seconds: number, seed: number, tone: (t: number) => number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from(
    { length: seconds * RATE },
    (_, i) => tone(i / RATE) + 0.003 * standardNormal(rng),
  );
}
const sine = (hz: number, amplitude: number) => (t: number) =>
  amplitude * Math.sin(2 * Math.PI * hz * t);
const peaksOf = (x: Float32Array) => tonalPeaks(welchSpectrum(x, RATE)!);

describe('tonalPeaks', () => {
  it('finds a 1 kHz tone, on a bin or between bins, within 0.2 Hz', () => {
    for (const hz of [1000, 1001.95]) {
      const [peak, ...rest] = peaksOf(signal(3, 1, sine(hz, 0.01)));
      assert.ok(Math.abs(peak.hz - hz) < 0.2, `${peak.hz} for ${hz}`);
      assert.ok(peak.prominenceDb > 30, `prominence ${peak.prominenceDb}`);
      assert.deepEqual(rest, []);
    }
  });

  it('finds every harmonic of 50 Hz and of 60 Hz mains hum', () => {
    for (const base of [50, 60]) {
      const hum = (t: number) => [1, 2, 3, 4, 5].reduce((s, h) => s + sine(base * h, 0.004)(t), 0);
      const found = peaksOf(signal(4, base, hum))
        .map((p) => p.hz)
        .sort((a, b) => a - b);
      assert.equal(found.length, 5);
      found.forEach((hz, i) => assert.ok(Math.abs(hz - base * (i + 1)) < 0.5, `${hz}`));
    }
  });

  it('ignores a tone whose pitch moves, as voiced speech does, and plain noise', () => {
    // 120 → 150 Hz over 3 s: strong, but spread over many bins
    const glide = (t: number) => 0.05 * Math.sin(2 * Math.PI * (120 * t + 5 * t * t));
    assert.deepEqual(peaksOf(signal(3, 2, glide)), []);
    assert.deepEqual(peaksOf(signal(3, 3, () => 0)), []);
  });
});
