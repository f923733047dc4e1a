/**
 * Level and clipping of mono samples scaled to full scale ±1. dBFS here is relative to a
 * full-scale square wave (20·log10 of the RMS), so a full-scale sine reads −3.01 dBFS; levels
 * are floored at −120 dBFS, below 16- and 24-bit quantization, so digital silence is finite.
 */
export const DBFS_FLOOR = -120;

export function toDb(power: number): number {
  return power > 0 ? Math.max(DBFS_FLOOR, 10 * Math.log10(power)) : DBFS_FLOOR;
}

/** Mean of x² (0 for no samples). */
export function meanSquare(samples: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += samples[i] * samples[i];
  return samples.length === 0 ? 0 : sum / samples.length;
}

export function rmsDbfs(samples: Float32Array): number {
  return toDb(meanSquare(samples));
}

export function peakDbfs(samples: Float32Array): number {
  let peak = 0;
  for (let i = 0; i < samples.length; i++) peak = Math.max(peak, Math.abs(samples[i]));
  return toDb(peak * peak);
}

/** A sample at or above this share of full scale is at the rails. */
export const CLIP_LEVEL = 0.99;

/**
 * Share of samples on a flat top: at or above CLIP_LEVEL of full scale with a neighbour also
 * there on the same side. A single loud peak is not clipping; a converter or a gain stage that
 * ran out of range writes runs of samples at the rail.
 */
export function clippingRate(samples: Float32Array): number {
  const n = samples.length;
  if (n === 0) return 0;
  let clipped = 0;
  for (let i = 0; i < n; i++) {
    const x = samples[i];
    if (Math.abs(x) < CLIP_LEVEL) continue;
    const atRail = (j: number) =>
      j >= 0 && j < n && Math.abs(samples[j]) >= CLIP_LEVEL && samples[j] * x > 0;
    if (atRail(i - 1) || atRail(i + 1)) clipped++;
  }
  return clipped / n;
}
