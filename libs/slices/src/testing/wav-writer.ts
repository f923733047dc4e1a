export interface ToneOptions {
  sampleRate?: number;
  channels?: number;
  bitsPerSample?: number;
  durationMs?: number;
  /** Tone frequency in Hz; different values give different bytes. */
  frequency?: number;
}

/** Interleaved integer samples of a sine tone at half of full scale. */
export function toneSamples(options: ToneOptions = {}): { frames: number; samples: Int32Array } {
  const {
    sampleRate = 16_000,
    channels = 1,
    bitsPerSample = 16,
    durationMs = 250,
    frequency = 440,
  } = options;
  const frames = Math.round((sampleRate * durationMs) / 1000);
  const amplitude = 2 ** (bitsPerSample - 2);
  const samples = new Int32Array(frames * channels);
  for (let frame = 0; frame < frames; frame += 1) {
    const value = Math.round(amplitude * Math.sin((2 * Math.PI * frequency * frame) / sampleRate));
    for (let channel = 0; channel < channels; channel += 1)
      samples[frame * channels + channel] = value;
  }
  return { frames, samples };
}

/** A canonical RIFF/WAVE PCM file of a sine tone (8-bit is unsigned, wider is signed little-endian). */
export function makeWav(options: ToneOptions & { formatTag?: number } = {}): Buffer {
  const { sampleRate = 16_000, channels = 1, bitsPerSample = 16, formatTag = 1 } = options;
  const { samples } = toneSamples(options);
  const bytesPerSample = bitsPerSample / 8;
  const blockAlign = channels * bytesPerSample;
  const dataBytes = samples.length * bytesPerSample;
  const wav = Buffer.alloc(44 + dataBytes);
  wav.write('RIFF', 0, 'latin1');
  wav.writeUInt32LE(36 + dataBytes, 4);
  wav.write('WAVEfmt ', 8, 'latin1');
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(formatTag, 20);
  wav.writeUInt16LE(channels, 22);
  wav.writeUInt32LE(sampleRate, 24);
  wav.writeUInt32LE(sampleRate * blockAlign, 28);
  wav.writeUInt16LE(blockAlign, 32);
  wav.writeUInt16LE(bitsPerSample, 34);
  wav.write('data', 36, 'latin1');
  wav.writeUInt32LE(dataBytes, 40);
  samples.forEach((sample, index) => {
    const at = 44 + index * bytesPerSample;
    if (bytesPerSample === 1) wav.writeUInt8(sample + 128, at);
    else wav.writeIntLE(sample, at, bytesPerSample);
  });
  return wav;
}
