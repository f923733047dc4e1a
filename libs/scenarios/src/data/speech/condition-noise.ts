import { createRng, standardNormal } from '@lastmile/metrics';

export type SpeechCondition = 'clean' | 'noisy' | 'hum';

export const SAMPLE_RATE = 16000;

// Levels relative to full scale; speech is normalized to a -3 dBFS peak before mixing.
const BROADBAND_NOISE_SD = 0.03;
const HUM_AMPLITUDE = 0.05;
const HUM_FREQUENCY = 1000;
const HUM_NOISE_SD = 0.01;

/**
 * The interference of a condition as 16-bit little-endian PCM at 16 kHz, or null for 'clean'.
 * Generated here rather than by sox's synth, whose noise cannot be seeded: the same seed gives
 * the same bytes. 'noisy' is white noise (about -30 dBFS RMS, roughly 7 dB below espeak speech); 'hum' is a 1 kHz tone plus weaker
 * broadband noise, like new imaging equipment in a ward.
 */
export function conditionNoise(
  condition: SpeechCondition,
  samples: number,
  seed: number,
): Buffer | null {
  if (condition === 'clean') return null;
  const rng = createRng(seed);
  const pcm = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) {
    const value =
      condition === 'noisy'
        ? BROADBAND_NOISE_SD * standardNormal(rng)
        : HUM_AMPLITUDE * Math.sin((2 * Math.PI * HUM_FREQUENCY * i) / SAMPLE_RATE) +
          HUM_NOISE_SD * standardNormal(rng);
    pcm.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(value * 32767))), i * 2);
  }
  return pcm;
}
