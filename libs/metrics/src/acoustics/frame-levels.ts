import { DBFS_FLOOR, toDb } from './level';

/**
 * Power of consecutive 20 ms frames: the basis of the noise-floor SNR estimate and of the
 * speech-activity decision. The noise floor is the 5th percentile of frame powers, which is
 * the background as long as at least one frame in twenty holds no speech (a pause, the lead-in
 * of a recording); in continuous speech without pauses it rises and the SNR reads low.
 */
export interface FrameLevels {
  frameSeconds: number;
  /** Mean square of each frame. */
  powers: Float64Array;
  /** Mean square of the whole signal. */
  totalPower: number;
  /** 5th percentile of the frame powers. */
  noisePower: number;
  /** The loudest frame's power. */
  loudestPower: number;
}

export const FRAME_SECONDS = 0.02;
const NOISE_PERCENTILE = 0.05;

export function frameLevels(samples: Float32Array, sampleRate: number): FrameLevels {
  const frameSize = Math.max(1, Math.round(sampleRate * FRAME_SECONDS));
  const count = Math.floor(samples.length / frameSize);
  const powers = new Float64Array(count);
  let total = 0;
  for (let f = 0; f < count; f++) {
    let sum = 0;
    for (let i = f * frameSize; i < (f + 1) * frameSize; i++) sum += samples[i] * samples[i];
    powers[f] = sum / frameSize;
    total += sum;
  }
  for (let i = count * frameSize; i < samples.length; i++) total += samples[i] * samples[i];
  const sorted = Float64Array.from(powers).sort();
  return {
    frameSeconds: frameSize / sampleRate,
    powers,
    totalPower: samples.length === 0 ? 0 : total / samples.length,
    noisePower: count === 0 ? 0 : sorted[Math.floor(NOISE_PERCENTILE * (count - 1))],
    loudestPower: count === 0 ? 0 : sorted[count - 1],
  };
}

export const SNR_MIN_DB = -20;
export const SNR_MAX_DB = 100;

/**
 * Global SNR from the noise floor: 10·log10((P_total − P_noise) / P_noise), where P_total is
 * the mean power of the whole signal, so it estimates all speech energy over all noise energy,
 * the definition mixtures are made with. Clamped to [−20, 100] dB (100 when the quietest
 * frames are digital silence); null for a signal that is all silence or shorter than a frame.
 */
export function noiseFloorSnr(levels: FrameLevels): number | null {
  const { totalPower, noisePower } = levels;
  if (levels.powers.length === 0 || totalPower === 0) return null;
  if (noisePower === 0) return SNR_MAX_DB;
  const speech = totalPower - noisePower;
  if (speech <= 0) return SNR_MIN_DB;
  return Math.min(SNR_MAX_DB, Math.max(SNR_MIN_DB, 10 * Math.log10(speech / noisePower)));
}

export interface SpeechActivity {
  /** Share of frames judged speech (0 … 1). */
  ratio: number;
  speechSeconds: number;
  frames: number;
}

const ABOVE_FLOOR_DB = 3;
const BELOW_LOUDEST_DB = 50;

/**
 * Energy-based speech activity: a frame is speech when its level is 3 dB above the noise floor
 * and no more than 50 dB below the loudest frame; digital silence never is. Quiet phonemes
 * sink below the floor as noise rises, so the ratio falls with the SNR (measured in
 * docs/speech-monitoring.md) — a symptom worth watching in itself.
 */
export function speechActivity(levels: FrameLevels): SpeechActivity {
  const floorDb = toDb(levels.noisePower);
  const threshold = Math.max(
    floorDb + ABOVE_FLOOR_DB,
    toDb(levels.loudestPower) - BELOW_LOUDEST_DB,
  );
  let speech = 0;
  for (const power of levels.powers) {
    const db = toDb(power);
    if (db > threshold && db > DBFS_FLOOR) speech++;
  }
  const frames = levels.powers.length;
  return {
    ratio: frames === 0 ? 0 : speech / frames,
    speechSeconds: speech * levels.frameSeconds,
    frames,
  };
}
