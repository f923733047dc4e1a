import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '@lastmile/metrics';
import type { SpeechCondition } from './condition-noise';
import { CLINICAL_PHRASES, SPEECH_VOICES } from './speech-phrases';
import type { SpeechManifestEntry } from './speech-manifest';
import { type SpeechDevice, synthesizeClip } from './synthesize-clip';

export type { SpeechDevice };

export interface GenerateSpeechSliceOptions {
  outDir: string;
  /** espeak-ng voices, one accent each (default SPEECH_VOICES). */
  voices?: readonly string[];
  /** Reference transcripts, spoken as written (default CLINICAL_PHRASES). */
  phrases?: readonly string[];
  condition?: SpeechCondition;
  /** 'telephone' band-limits to 300–3400 Hz through an 8 kHz line, as a phone call would. */
  device?: SpeechDevice;
  /** Seeds the speaking rate and pitch of each clip and the noise. */
  seed?: number;
}

export interface SpeechSlice {
  manifestPath: string;
  entries: SpeechManifestEntry[];
}

/**
 * Writes one 16 kHz mono 16-bit WAV per voice × phrase under outDir/audio and a manifest.jsonl
 * ({id, audio, reference, attributes: {accent, noise, device}}; audio relative to outDir).
 * Speech comes from espeak-ng, resampling, band-limiting and mixing from sox.
 */
export async function generateSpeechSlice(
  options: GenerateSpeechSliceOptions,
): Promise<SpeechSlice> {
  const voices = options.voices ?? SPEECH_VOICES;
  const phrases = options.phrases ?? CLINICAL_PHRASES;
  const condition = options.condition ?? 'clean';
  const device = options.device ?? 'wideband';
  const seed = options.seed ?? 0;
  if (voices.length === 0 || phrases.length === 0)
    throw new RangeError('need at least one voice and one phrase');
  await mkdir(join(options.outDir, 'audio'), { recursive: true });
  const rng = createRng(seed);
  // Clip settings are drawn in a fixed order first, so running clips in parallel keeps them seeded.
  const clips = voices.flatMap((voice) =>
    phrases.map((text, index) => ({
      id: `${voice}_${condition}_${device}_${String(index + 1).padStart(2, '0')}`,
      voice,
      text,
      // espeak-ng defaults: 175 words per minute, pitch 50 of 0–99.
      speed: 150 + Math.floor(rng() * 50),
      pitch: 35 + Math.floor(rng() * 30),
      noiseSeed: Math.floor(rng() * 2 ** 31),
    })),
  );
  const work = await mkdtemp(join(tmpdir(), 'lastmile-speech-'));
  try {
    await inParallel(clips, availableParallelism(), (clip) =>
      synthesizeClip(
        clip,
        condition,
        device,
        join(work, clip.id),
        join(options.outDir, audioPath(clip.id)),
      ),
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const entries: SpeechManifestEntry[] = clips.map((clip) => ({
    id: clip.id,
    audio: audioPath(clip.id),
    reference: clip.text,
    attributes: { accent: clip.voice, noise: condition, device },
  }));
  const manifestPath = join(options.outDir, 'manifest.jsonl');
  await writeFile(manifestPath, entries.map((e) => JSON.stringify(e)).join('\n') + '\n');
  return { manifestPath, entries };
}

const audioPath = (id: string): string => `audio/${id}.wav`;

async function inParallel<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
