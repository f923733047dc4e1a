import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import type { ScenarioItem } from '../../scenario-kind';

export const speechManifestEntrySchema = z.strictObject({
  id: z.string().min(1),
  /** Path of the WAV file, relative to the manifest's directory. */
  audio: z.string().min(1),
  reference: z.string(),
  attributes: z.record(z.string(), z.string()),
});

export type SpeechManifestEntry = z.output<typeof speechManifestEntrySchema>;

/** Reads manifest.jsonl and its audio into asr items; a bad line is named in the error. */
export async function readSpeechManifest(manifestPath: string): Promise<ScenarioItem[]> {
  const lines = (await readFile(manifestPath, 'utf8')).split('\n');
  const items: ScenarioItem[] = [];
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const parsed = speechManifestEntrySchema.safeParse(JSON.parse(line));
    if (!parsed.success) {
      throw new Error(`${manifestPath}:${index + 1}: ${z.prettifyError(parsed.error)}`);
    }
    const { id, audio, reference, attributes } = parsed.data;
    const data = await readFile(resolve(dirname(manifestPath), audio));
    const filename = audio.split('/').pop() ?? audio;
    items.push({
      id,
      references: [reference],
      attributes,
      audio: { data, mimeType: 'audio/wav', filename },
    });
  }
  return items;
}
