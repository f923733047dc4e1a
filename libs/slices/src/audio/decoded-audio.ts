/** Samples of a decoded file, channels averaged to mono, scaled so that full scale is ±1. */
export interface DecodedAudio {
  sampleRate: number;
  /** Channels of the file (the samples are their mean). */
  channels: number;
  bitsPerSample: number;
  samples: Float32Array;
}

/** A file that the header check accepted but whose samples cannot be decoded. */
export class AudioDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AudioDecodeError';
  }
}

/** Mixes integer samples (interleaved or one array per channel) to mono floats in [-1, 1). */
export function toMonoFloat(
  channelsData: readonly ArrayLike<number>[],
  frames: number,
  bitsPerSample: number,
): Float32Array {
  const scale = 1 / (2 ** (bitsPerSample - 1) * channelsData.length);
  const out = new Float32Array(frames);
  for (const channel of channelsData) {
    for (let i = 0; i < frames; i++) out[i] += channel[i] * scale;
  }
  return out;
}
