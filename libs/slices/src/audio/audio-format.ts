/** What a header says about the audio, enough to accept or refuse it and to time it. */
export interface AudioFormat {
  container: 'wav' | 'flac';
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  /** Sample frames (one sample per channel). */
  frames: number;
  durationMs: number;
}

/** A parse either gives the format or says, in words a customer can act on, why not. */
export type AudioHeaderResult = { ok: true; format: AudioFormat } | { ok: false; reason: string };

export function durationMs(frames: number, sampleRate: number): number {
  return Math.round((frames * 1000) / sampleRate);
}
