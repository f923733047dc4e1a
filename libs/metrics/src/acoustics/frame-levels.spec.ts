import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { frameLevels, noiseFloorSnr, speechActivity } from './frame-levels';

const close = (actual: number | null, expected: number) =>
  assert.ok(actual !== null && Math.abs(actual - expected) < 1e-6, `${actual} ≠ ${expected}`);

// At 1 kHz a 20 ms frame is 20 samples.
function steps(...parts: [frames: number, amplitude: number][]): Float32Array {
  return Float32Array.from(
    parts.flatMap(([frames, amplitude]) => Array(frames * 20).fill(amplitude)),
  );
}

describe('noise-floor SNR and speech activity', () => {
  it('takes the 5th-percentile frame as noise: 10 quiet and 10 loud frames give 6.02 dB', () => {
    // powers 0.01 and 0.09; total 0.05; SNR = 10·log10((0.05 − 0.01) / 0.01)
    const levels = frameLevels(steps([10, 0.1], [10, 0.3]), 1000);
    close(levels.noisePower, 0.01);
    close(levels.totalPower, 0.05);
    close(noiseFloorSnr(levels), 10 * Math.log10(4));
    // threshold = floor (−20 dB) + 3 dB: the ten loud frames (−10.5 dB) are speech
    const activity = speechActivity(levels);
    assert.deepEqual([activity.ratio, activity.frames], [0.5, 20]);
    close(activity.speechSeconds, 0.2);
  });

  it('caps the SNR at 100 dB over digital silence and has none for silence alone', () => {
    assert.equal(noiseFloorSnr(frameLevels(steps([5, 0], [15, 0.2]), 1000)), 100);
    assert.equal(noiseFloorSnr(frameLevels(new Float32Array(400), 1000)), null);
    assert.equal(noiseFloorSnr(frameLevels(new Float32Array(5), 1000)), null);
    assert.equal(speechActivity(frameLevels(new Float32Array(400), 1000)).ratio, 0);
  });

  it('reads a steady signal as all noise: −20 dB and no speech', () => {
    const levels = frameLevels(steps([20, 0.1]), 1000);
    assert.equal(noiseFloorSnr(levels), -20);
    assert.equal(speechActivity(levels).ratio, 0);
  });
});
