import { writeFile } from 'node:fs/promises';
import { SAMPLE_RATE, type SpeechCondition, conditionNoise } from './condition-noise';
import { run } from './speech-tools';

export type SpeechDevice = 'wideband' | 'telephone';

const PCM_16K_MONO = ['-r', String(SAMPLE_RATE), '-c', '1', '-b', '16', '-e', 'signed-integer'];

export interface Clip {
  id: string;
  voice: string;
  text: string;
  /** espeak-ng words per minute (default 175). */
  speed: number;
  /** espeak-ng pitch, 0–99 (default 50). */
  pitch: number;
  noiseSeed: number;
}

/**
 * One clip: espeak-ng speaks the text, sox resamples it to 16 kHz mono 16-bit, band-limits it
 * for a telephone, normalizes it to a -3 dBFS peak and mixes in the condition's noise.
 */
export async function synthesizeClip(
  clip: Clip,
  condition: SpeechCondition,
  device: SpeechDevice,
  workPrefix: string,
  outPath: string,
): Promise<void> {
  const raw = `${workPrefix}.espeak.wav`;
  await run('espeak-ng', [
    '-v',
    clip.voice,
    '-s',
    String(clip.speed),
    '-p',
    String(clip.pitch),
    '-w',
    raw,
    clip.text,
  ]);
  const band =
    device === 'telephone' ? ['sinc', '300-3400', 'rate', '8000', 'rate', String(SAMPLE_RATE)] : [];
  const speech = condition === 'clean' ? outPath : `${workPrefix}.speech.wav`;
  // -R: sox's own randomness (dither) fixed, so the same inputs give the same bytes.
  await run('sox', [
    '-R',
    raw,
    ...PCM_16K_MONO,
    speech,
    'rate',
    String(SAMPLE_RATE),
    ...band,
    'gain',
    '-n',
    '-3',
  ]);
  if (condition === 'clean') return;
  const samples = Number((await run('sox', ['--i', '-s', speech])).trim());
  const noise = conditionNoise(condition, samples, clip.noiseSeed)!;
  const noisePath = `${workPrefix}.noise.raw`;
  await writeFile(noisePath, noise);
  // -m with -v 1 on each input: plain sum, no automatic halving of the speech level.
  await run('sox', [
    '-R',
    '-m',
    '-v',
    '1',
    speech,
    '-v',
    '1',
    '-t',
    'raw',
    ...PCM_16K_MONO,
    noisePath,
    ...PCM_16K_MONO,
    outPath,
  ]);
}
