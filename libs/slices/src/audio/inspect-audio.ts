import type { SliceAudio } from '../parsed-slice';
import type { SliceLimits } from '../slice-limits';
import type { ProblemList } from '../slice-problem';
import type { AudioHeaderResult } from './audio-format';
import { parseFlacHeader } from './flac-header';
import { parseWavHeader } from './wav-header';

const CONTAINERS = {
  wav: { parse: parseWavHeader, mimeType: 'audio/wav', magic: 'RIFF', label: 'WAV' },
  flac: { parse: parseFlacHeader, mimeType: 'audio/flac', magic: 'fLaC', label: 'FLAC' },
} as const;

export type AudioContainer = keyof typeof CONTAINERS;

/** The container a file name promises, from its extension. */
export function containerOf(path: string): AudioContainer | undefined {
  const match = /\.(wav|flac)$/i.exec(path);
  return match ? (match[1].toLowerCase() as AudioContainer) : undefined;
}

/**
 * Checks an audio file from the archive against its name and the accepted formats; records each
 * problem under the file's path. Returns the audio only when there was none.
 */
export function inspectAudio(
  path: string,
  data: Buffer,
  problems: ProblemList,
  limits: SliceLimits,
): SliceAudio | undefined {
  const named = containerOf(path);
  if (!named) return void problems.add(path, 'is not a .wav or .flac file');
  const magic = data.toString('latin1', 0, 4);
  const actual = (Object.keys(CONTAINERS) as AudioContainer[]).find(
    (key) => CONTAINERS[key].magic === magic,
  );
  if (actual && actual !== named) {
    return void problems.add(
      path,
      `is named .${named} but holds ${CONTAINERS[actual].label} audio`,
    );
  }
  const header: AudioHeaderResult = CONTAINERS[named].parse(data);
  if (!header.ok) return void problems.add(path, header.reason);
  const { sampleRate, channels, bitsPerSample, durationMs } = header.format;
  const before = problems.count;
  const { min, max } = limits.acceptedSampleRates;
  if (sampleRate < min || sampleRate > max) {
    problems.add(path, `has a sample rate of ${sampleRate} Hz; accepted: ${min}–${max} Hz`);
  }
  if (!limits.acceptedChannels.includes(channels)) {
    problems.add(path, `has ${channels} channels; accepted: ${limits.acceptedChannels.join(', ')}`);
  }
  if (!limits.acceptedBitsPerSample.includes(bitsPerSample)) {
    problems.add(
      path,
      `has ${bitsPerSample} bits per sample; accepted: ${limits.acceptedBitsPerSample.join(', ')}`,
    );
  }
  if (durationMs > limits.maxAudioSeconds * 1000) {
    problems.add(
      path,
      `is ${(durationMs / 1000).toFixed(3)} s long; the limit is ${limits.maxAudioSeconds} s`,
    );
  }
  if (problems.count !== before) return undefined;
  return { data, mimeType: CONTAINERS[named].mimeType, durationMs };
}
