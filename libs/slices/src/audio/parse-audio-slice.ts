import type { ArchiveContents } from '../archive/archive-entry';
import { rowRef } from '../item-fields';
import { ItemIds } from '../item-ids';
import type { SliceItem, SlicePurpose } from '../parsed-slice';
import type { SliceLimits } from '../slice-limits';
import type { ProblemList } from '../slice-problem';
import { decodeUploadText } from '../text/decode-text';
import { readJsonLines } from '../text/jsonl-lines';
import { ALTERNATES_FILE, readAlternatesFile } from './alternates-file';
import { inspectAudio } from './inspect-audio';
import { namedAudioPath, readManifestRow } from './manifest-row';

const MANIFEST = 'manifest.jsonl';

export interface AudioSliceContents {
  items: SliceItem[];
  /** The SCTK GLM of `alternates.glm` beside the manifest, validated; null without one. */
  alternates: string | null;
}

/**
 * Items of an audio archive: manifest.jsonl (at the root or in one folder; audio paths are
 * relative to it), exactly the audio files it names, each validated, and optionally
 * alternates.glm beside it. Throws with every problem.
 */
export function parseAudioSlice(
  /** `refused`: paths the archive reader refused and reported; naming one adds no second problem. */
  { entries, refused }: ArchiveContents,
  file: string,
  problems: ProblemList,
  limits: SliceLimits,
  purpose: SlicePurpose = 'evaluation',
): AudioSliceContents {
  const byPath = new Map(entries.map((entry) => [entry.path, entry]));
  const manifests = entries.filter((entry) => entry.path.split('/').pop() === MANIFEST);
  if (manifests.length !== 1) {
    const found = manifests.map((entry) => entry.path).join(', ');
    problems.fatal(
      file,
      manifests.length === 0 ? `has no ${MANIFEST}` : `has more than one ${MANIFEST}: ${found}`,
    );
  }
  const manifest = manifests[0];
  const baseDir = manifest.path.slice(0, -MANIFEST.length).replace(/\/$/, '');
  const text = decodeUploadText(manifest.data, undefined, manifest.path, problems);
  const before = problems.count;
  const lines = readJsonLines(
    text,
    manifest.path,
    (n) => rowRef(`${manifest.path} line ${n}`, ': '),
    problems,
    limits,
  );
  const everyLineRead = problems.count === before;
  const named = new Set(lines.map(({ value }) => namedAudioPath(value, baseDir)));
  const alternatesEntry = byPath.get(
    baseDir === '' ? ALTERNATES_FILE : `${baseDir}/${ALTERNATES_FILE}`,
  );
  const alternates = readAlternatesFile(alternatesEntry, problems);

  const ids = new ItemIds();
  const usedBy = new Map<string, string>();
  const items: SliceItem[] = [];
  for (const { ref, value } of lines) {
    const row = readManifestRow(value, ref, baseDir, problems, limits, purpose);
    if (!row || !ids.claim(row.id, ref, problems)) continue;
    const entry = byPath.get(row.audioPath);
    if (!entry) {
      if (refused.has(row.audioPath)) continue; // the entry itself was already reported
      problems.add(ref.field('audio'), `names ${row.audioPath}, which is not in the archive`);
      continue;
    }
    const firstUse = usedBy.get(row.audioPath);
    if (firstUse !== undefined) {
      problems.add(ref.field('audio'), `names ${row.audioPath}, already used by ${firstUse}`);
      continue;
    }
    usedBy.set(row.audioPath, ref.row);
    const audio = inspectAudio(entry.path, entry.data, problems, limits);
    if (!audio) continue;
    const references = row.reference === undefined ? {} : { references: [row.reference] };
    items.push({ id: row.id, ...references, attributes: row.attributes, audio });
  }
  // A line that could not be read may have named a file: only then is "unnamed" not knowable.
  if (everyLineRead) {
    for (const entry of entries) {
      if (entry !== manifest && entry !== alternatesEntry && !named.has(entry.path))
        problems.add(entry.path, `is not named in ${MANIFEST}`);
    }
  }
  problems.throwIfAny();
  return { items, alternates };
}
