import { GlmFormatError, parseGlm } from '@lastmile/metrics';
import type { ArchiveEntry } from '../archive/archive-entry';
import type { ProblemList } from '../slice-problem';
import { decodeUploadText } from '../text/decode-text';

/** The alternates file's name, beside manifest.jsonl in an audio archive. */
export const ALTERNATES_FILE = 'alternates.glm';

/**
 * The slice's SCTK GLM (e.g. `HEALTH CARE => {HEALTH CARE / HEALTHCARE} / [ ] __ [ ]`), read
 * from `alternates.glm` beside the manifest: UTF-8 text that must parse as csrfilt.sh would read
 * it; its problems are reported at their line. Null when the archive has none.
 */
export function readAlternatesFile(
  entry: ArchiveEntry | undefined,
  problems: ProblemList,
): string | null {
  if (!entry) return null;
  const text = decodeUploadText(entry.data, undefined, entry.path, problems);
  try {
    parseGlm(text);
  } catch (error) {
    if (!(error instanceof GlmFormatError)) throw error;
    problems.add(entry.path, error.message);
    return null;
  }
  return text;
}
