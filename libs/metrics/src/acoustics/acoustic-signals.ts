import { frameLevels, noiseFloorSnr, speechActivity } from './frame-levels';
import { clippingRate, peakDbfs, rmsDbfs } from './level';
import { type TonalPeak, type TonalPeakOptions, tonalPeaks } from './tonal-peaks';
import { wadaSnr } from './wada-snr';
import { welchSpectrum } from './welch-spectrum';

/** Label-free condition of one recording (mono samples at full scale ±1). */
export interface AcousticSignals {
  durationSeconds: number;
  rmsDbfs: number;
  peakDbfs: number;
  /** Share of samples on a flat top at the rails (0 … 1). */
  clippingRate: number;
  /** Noise-floor SNR in dB (−20 … 100); null for digital silence. The metric `snr_db`. */
  snrDb: number | null;
  /** WADA-SNR in dB, a second opinion that assumes Gaussian noise; null for silence. */
  wadaSnrDb: number | null;
  /** Share of 20 ms frames with speech energy (0 … 1). */
  speechRatio: number;
  speechSeconds: number;
  /** The most prominent tone-shaped peak whatever its prominence; null when none or too short. */
  strongestTone: TonalPeak | null;
  /** Tones at least minProminenceDb (default 12 dB) above the floor, strongest first. */
  tonalPeaks: TonalPeak[];
}

export function acousticSignals(
  samples: Float32Array,
  sampleRate: number,
  options: { tonal?: TonalPeakOptions } = {},
): AcousticSignals {
  if (!(sampleRate > 0)) throw new RangeError(`sample rate must be positive, got ${sampleRate}`);
  const levels = frameLevels(samples, sampleRate);
  const activity = speechActivity(levels);
  const spectrum = welchSpectrum(samples, sampleRate);
  const candidates = spectrum ? tonalPeaks(spectrum, { ...options.tonal, minProminenceDb: 0 }) : [];
  const threshold = options.tonal?.minProminenceDb ?? 12;
  return {
    durationSeconds: samples.length / sampleRate,
    rmsDbfs: rmsDbfs(samples),
    peakDbfs: peakDbfs(samples),
    clippingRate: clippingRate(samples),
    snrDb: noiseFloorSnr(levels),
    wadaSnrDb: wadaSnr(samples),
    speechRatio: activity.ratio,
    speechSeconds: activity.speechSeconds,
    strongestTone: candidates[0] ?? null,
    tonalPeaks: candidates.filter((peak) => peak.prominenceDb >= threshold),
  };
}
