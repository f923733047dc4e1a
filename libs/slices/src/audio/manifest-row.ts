import { checkEntryPath } from '../archive/archive-entry';
import {
  describe,
  isRecord,
  readAttributes,
  readId,
  readText,
  reportUnknownFields,
  type RowRef,
} from '../item-fields';
import type { SliceLimits } from '../slice-limits';
import type { ProblemList } from '../slice-problem';
import { containerOf } from './inspect-audio';

export const MANIFEST_FIELDS = ['id', 'audio', 'reference', 'attributes'] as const;

export interface ManifestRow {
  id: string;
  /** Archive path of the audio file: the manifest's `audio`, resolved against its directory. */
  audioPath: string;
  reference: string;
  attributes: Record<string, string>;
}

/** One manifest.jsonl row `{id, audio, reference, attributes}`; undefined after recording problems. */
export function readManifestRow(
  raw: unknown,
  ref: RowRef,
  baseDir: string,
  problems: ProblemList,
  limits: SliceLimits,
): ManifestRow | undefined {
  if (!isRecord(raw))
    return void problems.add(ref.row, `must be a JSON object, got ${describe(raw)}`);
  const before = problems.count;
  reportUnknownFields(raw, MANIFEST_FIELDS, ref, problems);
  const id = readId(raw.id, ref.field('id'), problems);
  const audio = readText(raw.audio, ref.field('audio'), problems);
  const reference = readText(raw.reference, ref.field('reference'), problems);
  const attributes = readAttributes(raw.attributes, ref.field('attributes'), problems, limits);
  let audioPath: string | undefined;
  if (audio !== undefined) {
    const checked = checkEntryPath(audio);
    if (!checked.ok) problems.add(ref.field('audio'), checked.reason.replace(/^has/, 'names'));
    else if (!containerOf(checked.path))
      problems.add(ref.field('audio'), 'must name a .wav or .flac file');
    else audioPath = joinArchivePath(baseDir, checked.path);
  }
  if (problems.count !== before || !id || !reference || !attributes || !audioPath) return undefined;
  return { id, audioPath, reference, attributes };
}

/** The archive path a row's `audio` names, whether or not the rest of the row is valid. */
export function namedAudioPath(raw: unknown, baseDir: string): string | undefined {
  if (!isRecord(raw) || typeof raw.audio !== 'string') return undefined;
  const checked = checkEntryPath(raw.audio);
  return checked.ok ? joinArchivePath(baseDir, checked.path) : undefined;
}

function joinArchivePath(baseDir: string, path: string): string {
  return baseDir === '' ? path : `${baseDir}/${path}`;
}
