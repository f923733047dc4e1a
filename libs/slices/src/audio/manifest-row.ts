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
import type { SlicePurpose } from '../parsed-slice';
import type { ProblemList } from '../slice-problem';
import { containerOf } from './inspect-audio';

export const MANIFEST_FIELDS = ['id', 'audio', 'reference', 'attributes'] as const;

export interface ManifestRow {
  id: string;
  /** Archive path of the audio file: the manifest's `audio`, resolved against its directory. */
  audioPath: string;
  /** Absent only in a monitoring slice. */
  reference?: string;
  attributes: Record<string, string>;
}

/**
 * One manifest.jsonl row `{id, audio, reference, attributes}`; undefined after recording
 * problems. A monitoring slice's rows may leave `reference` out (or null); one that is there
 * is checked as in an evaluation slice.
 */
export function readManifestRow(
  raw: unknown,
  ref: RowRef,
  baseDir: string,
  problems: ProblemList,
  limits: SliceLimits,
  purpose: SlicePurpose = 'evaluation',
): ManifestRow | undefined {
  if (!isRecord(raw))
    return void problems.add(ref.row, `must be a JSON object, got ${describe(raw)}`);
  const before = problems.count;
  reportUnknownFields(raw, MANIFEST_FIELDS, ref, problems);
  const id = readId(raw.id, ref.field('id'), problems);
  const audio = readText(raw.audio, ref.field('audio'), problems);
  const unlabelled = raw.reference === undefined || raw.reference === null;
  let reference: string | undefined;
  if (!unlabelled) reference = readText(raw.reference, ref.field('reference'), problems);
  else if (purpose === 'evaluation') {
    problems.add(
      ref.field('reference'),
      'is required in an evaluation slice (upload unlabelled recordings as a monitoring slice)',
    );
  }
  const attributes = readAttributes(raw.attributes, ref.field('attributes'), problems, limits);
  let audioPath: string | undefined;
  if (audio !== undefined) {
    const checked = checkEntryPath(audio);
    if (!checked.ok) problems.add(ref.field('audio'), checked.reason.replace(/^has/, 'names'));
    else if (!containerOf(checked.path))
      problems.add(ref.field('audio'), 'must name a .wav or .flac file');
    else audioPath = joinArchivePath(baseDir, checked.path);
  }
  if (problems.count !== before || !id || !attributes || !audioPath) return undefined;
  return { id, audioPath, ...(reference === undefined ? {} : { reference }), attributes };
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
