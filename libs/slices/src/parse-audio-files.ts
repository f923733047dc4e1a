import type { ArchiveEntry } from './archive/archive-entry';
import { parseAudioSlice } from './audio/parse-audio-slice';
import { buildParsedSlice } from './build-parsed-slice';
import type { ParsedSlice, SlicePurpose } from './parsed-slice';
import { resolveSliceLimits, type SliceLimits } from './slice-limits';
import { ProblemList } from './slice-problem';

/**
 * The same validation as an uploaded audio archive, for files already on disk (`lastmile run`
 * with an asr manifest): entries are manifest.jsonl plus the files it names, relative to it.
 */
export function parseAudioFiles(
  entries: ArchiveEntry[],
  label: string,
  overrides?: Partial<SliceLimits>,
  purpose: SlicePurpose = 'evaluation',
): ParsedSlice {
  const limits = resolveSliceLimits(overrides);
  const problems = new ProblemList(limits.maxProblems, label);
  const { items, alternates } = parseAudioSlice(
    { entries, refused: new Set() },
    label,
    problems,
    limits,
    purpose,
  );
  problems.throwIfAny();
  return buildParsedSlice('audio', items, purpose, alternates);
}
