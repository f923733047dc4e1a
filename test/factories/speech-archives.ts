import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateSpeechSlice, type GenerateSpeechSliceOptions } from '@lastmile/scenarios';
import { makeTar } from '@lastmile/slices/testing';

export interface WardRecordings {
  /** A .tar.gz of manifest.jsonl, the WAVs and (when given) alternates.glm. */
  archive: Buffer;
  /** Each item's WAV bytes, by item id. */
  audio: Map<string, Buffer>;
  rows: { id: string; audio: string; reference?: string; attributes: Record<string, string> }[];
}

/**
 * A ward's recordings as a customer uploads them: espeak-ng speech (one accent per voice) through
 * sox, optionally with the 'hum' condition (a 1 kHz tone and broadband noise). Item ids name the
 * accent and phrase only, so the clean and humming recordings are the same items (paired tests).
 * Unlabelled rows carry no reference; `reference` rewrites a labelled row's (e.g. to capitalize);
 * `speaker` gives each row (by its id) a speaker attribute.
 */
export async function wardRecordings(
  dir: string,
  options: {
    voices: readonly string[];
    phrases: readonly string[];
    condition: NonNullable<GenerateSpeechSliceOptions['condition']>;
    labelled: boolean;
    reference?: (phrase: string) => string;
    alternates?: string;
    speaker?: (id: string) => string;
  },
): Promise<WardRecordings> {
  const slice = await generateSpeechSlice({
    outDir: dir,
    voices: options.voices,
    phrases: options.phrases,
    condition: options.condition,
    seed: 7,
  });
  const audio = new Map<string, Buffer>();
  const rows: WardRecordings['rows'] = [];
  for (const entry of slice.entries) {
    const id = entry.id.replace(`_${options.condition}_`, '_');
    audio.set(id, await readFile(join(dir, entry.audio)));
    const reference = options.reference ? options.reference(entry.reference) : entry.reference;
    rows.push({
      id,
      audio: entry.audio,
      ...(options.labelled ? { reference } : {}),
      attributes: {
        accent: entry.attributes.accent,
        ...(options.speaker ? { speaker: options.speaker(id) } : {}),
      },
    });
  }
  const archive = await makeTar([
    { name: 'manifest.jsonl', data: Buffer.from(rows.map((r) => JSON.stringify(r)).join('\n')) },
    ...rows.map((row) => ({ name: row.audio, data: audio.get(row.id)! })),
    ...(options.alternates
      ? [{ name: 'alternates.glm', data: Buffer.from(options.alternates) }]
      : []),
  ]);
  return { archive, audio, rows };
}
