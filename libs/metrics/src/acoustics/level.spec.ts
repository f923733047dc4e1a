import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clippingRate, peakDbfs, rmsDbfs } from './level';

const close = (actual: number, expected: number, tolerance = 1e-6) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} ≠ ${expected}`);

describe('level', () => {
  it('reads a full-scale square wave as 0 dBFS and a half-scale sine as −9.03 dBFS', () => {
    close(rmsDbfs(Float32Array.from({ length: 100 }, (_, i) => (i % 2 ? 1 : -1))), 0);
    const sine = Float32Array.from(
      { length: 16000 },
      (_, i) => 0.5 * Math.sin((2 * Math.PI * 440 * i) / 16000),
    );
    close(rmsDbfs(sine), 20 * Math.log10(0.5 / Math.SQRT2), 1e-4); // −9.0309
    close(peakDbfs(sine), 20 * Math.log10(0.5), 1e-3);
  });

  it('floors digital silence and an empty signal at −120 dBFS', () => {
    assert.equal(rmsDbfs(new Float32Array(10)), -120);
    assert.equal(rmsDbfs(new Float32Array(0)), -120);
  });

  it('counts only samples on a flat top at the rails as clipped', () => {
    // 0.995 and 0.999 touch (a flat top); the lone 1 does not; −1, −1 do: 4 of 7.
    close(clippingRate(Float32Array.from([0.995, 0.999, 0.2, 1, -0.2, -1, -1])), 4 / 7);
    // a positive and a negative rail sample side by side are not one flat top
    assert.equal(clippingRate(Float32Array.from([1, -1, 0])), 0);
    assert.equal(clippingRate(new Float32Array(0)), 0);
  });
});
