import { execFile } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';
import { CLINICAL_PHRASES, generateSpeechSlice } from '@lastmile/scenarios';

export const DEMO_VOICES = ['en-us', 'en-gb-scotland', 'en-029', 'en-gb-x-rp'];
export const DEMO_PHRASES = CLINICAL_PHRASES;

export interface WardArchives {
  /** With each recording's reference transcript: an evaluation slice. */
  labelled: Buffer;
  /** The same recordings without transcripts, as the ward has them every day: a monitoring slice. */
  unlabelled: Buffer;
}

/**
 * The ward's last-mile recordings as a customer would upload them: .tar.gz archives of
 * manifest.jsonl and WAVs, with and without references. Item ids name the speaker and phrase
 * only, so the clean and the humming recordings are the same items and the tests are paired.
 */
export async function buildWardSlice(
  dir: string,
  condition: 'clean' | 'hum',
): Promise<WardArchives> {
  const slice = await generateSpeechSlice({
    outDir: dir,
    voices: DEMO_VOICES,
    phrases: DEMO_PHRASES,
    condition: 'clean',
    seed: 7,
  });
  if (condition === 'hum')
    await Promise.all(slice.entries.map((entry) => addWardEquipment(join(dir, entry.audio))));
  const manifest = slice.entries.map((entry) => ({
    ...entry,
    id: entry.id.replace('_clean_', '_'),
    attributes: { ...entry.attributes, noise: condition === 'hum' ? 'imaging-hum' : 'quiet-ward' },
  }));
  const audio = slice.entries.map((entry) => ({
    name: entry.audio,
    data: readFileSync(join(dir, entry.audio)),
  }));
  const unlabelled = manifest.map(({ reference: _reference, ...row }) => row);
  return {
    labelled: await tarGz(manifest, audio),
    unlabelled: await tarGz(unlabelled, audio),
  };
}

async function tarGz(rows: object[], files: { name: string; data: Buffer }[]): Promise<Buffer> {
  const archive = pack();
  const chunks: Buffer[] = [];
  archive.on('data', (chunk) => {
    chunks.push(chunk as Buffer);
  });
  archive.entry(
    { name: 'manifest.jsonl' },
    rows.map((row) => JSON.stringify(row)).join('\n') + '\n',
  );
  for (const file of files) archive.entry({ name: file.name }, file.data);
  archive.finalize();
  await new Promise<void>((resolve) => archive.on('end', () => resolve()));
  return gzipSync(Buffer.concat(chunks));
}

/**
 * The ward's phrase grammar: the recognizer is configured for its domain, as clinical command
 * systems are (pocketsphinx's open-vocabulary model does poorly on synthetic speech).
 */
export function writePhraseGrammar(path: string): string {
  const alternatives = DEMO_PHRASES.map((phrase) => `( ${phrase} )`).join(' | ');
  writeFileSync(path, `#JSGF V1.0;\ngrammar ward;\npublic <utterance> = ${alternatives};\n`);
  return path;
}

const run = promisify(execFile);

/**
 * The new imaging equipment, as loud as it is on this ward: a 1 kHz tone and broadband noise mixed
 * into the recording (sox -R: repeatable, so the same clip always gets the same noise).
 */
async function addWardEquipment(path: string): Promise<void> {
  const seconds = (await run('soxi', ['-D', path])).stdout.trim();
  const format = ['-r', '16000', '-c', '1', '-b', '16', '-e', 'signed-integer'];
  const tone = `|sox -R -n ${format.join(' ')} -p synth ${seconds} sine 1000 vol 0.2`;
  const noise = `|sox -R -n ${format.join(' ')} -p synth ${seconds} whitenoise vol 0.04`;
  await run('sox', ['-R', '-m', path, tone, noise, ...format, `${path}.hum.wav`]);
  renameSync(`${path}.hum.wav`, path);
}
