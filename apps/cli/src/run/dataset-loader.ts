import { readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import {
  parseAudioFiles,
  parseSliceUpload,
  type ArchiveEntry,
  type ParsedSlice,
} from '@lastmile/slices';

/**
 * Reads a dataset file with the same validation as an upload: JSONL/CSV rows, or for audio
 * kinds a manifest JSONL whose `audio` paths are absolute or relative to the manifest.
 */
export async function loadDataset(path: string, modality: 'text' | 'audio'): Promise<ParsedSlice> {
  const data = readFileSync(path);
  if (modality === 'text') return parseSliceUpload({ filename: basename(path), data });
  const root = dirname(path);
  const audioEntries: ArchiveEntry[] = [];
  const manifest = data
    .toString('utf8')
    .split('\n')
    .map((line, index) => {
      if (!line.trim()) return line;
      let row: { audio?: unknown };
      try {
        row = JSON.parse(line);
      } catch {
        return line; // the manifest parser reports the line with its number
      }
      if (typeof row.audio !== 'string') return line;
      const file = isAbsolute(row.audio) ? row.audio : resolve(root, row.audio);
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        throw new Error(
          `${basename(path)} line ${index + 1}: audio file ${row.audio} cannot be read`,
        );
      }
      const entry = `audio/${index + 1}-${basename(file)}`;
      row.audio = entry;
      audioEntries.push({ path: entry, data: bytes });
      return JSON.stringify(row);
    })
    .join('\n');
  return parseAudioFiles(
    [{ path: 'manifest.jsonl', data: Buffer.from(manifest) }, ...audioEntries],
    basename(path),
  );
}

export const datasetName = (path: string, baseDir: string) =>
  `file:${relative(baseDir, path) || basename(path)}`;
