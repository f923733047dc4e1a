import { execFile } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';
import { CLINICAL_PHRASES, generateSpeechSlice } from '@lastmile/scenarios';

export const DEMO_VOICES = ['en-us', 'en-gb-scotland', 'en-029', 'en-gb-x-rp'];
export const DEMO_PHRASES = CLINICAL_PHRASES;

/**
 * The ward's last-mile slice as a customer would upload it: a .tar.gz of manifest.jsonl and WAVs.
 * Item ids name the speaker and phrase only, so the clean and the humming recordings are the
 * same items and the drift test is paired.
 */
export async function buildWardSlice(dir: string, condition: 'clean' | 'hum'): Promise<Buffer> {
  const slice = await generateSpeechSlice({
    outDir: dir,
    voices: DEMO_VOICES,
    phrases: DEMO_PHRASES,
    condition: 'clean',
    seed: 7,
  });
  if (condition === 'hum')
    await Promise.all(slice.entries.map((entry) => addWardEquipment(join(dir, entry.audio))));
  const archive = pack();
  const chunks: Buffer[] = [];
  archive.on('data', (chunk) => {
    chunks.push(chunk as Buffer);
  });
  const manifest = slice.entries.map((entry) => ({
    ...entry,
    id: entry.id.replace('_clean_', '_'),
    attributes: { ...entry.attributes, noise: condition === 'hum' ? 'imaging-hum' : 'quiet-ward' },
  }));
  archive.entry(
    { name: 'manifest.jsonl' },
    manifest.map((row) => JSON.stringify(row)).join('\n') + '\n',
  );
  for (const entry of slice.entries)
    archive.entry({ name: entry.audio }, readFileSync(join(dir, entry.audio)));
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
