import { readTarEntries } from './archive/read-tar';
import { readZipEntries } from './archive/read-zip';
import { parseAudioSlice } from './audio/parse-audio-slice';
import { buildParsedSlice } from './build-parsed-slice';
import type { ParsedSlice, SlicePurpose } from './parsed-slice';
import { readUploadStream } from './read-upload-stream';
import { resolveSliceLimits, type SliceLimits } from './slice-limits';
import { ProblemList } from './slice-problem';
import { parseTextSlice } from './text/parse-text-slice';
import { detectUploadFormat } from './upload-format';

export interface SliceUpload {
  filename: string;
  contentType?: string;
  /** The file's bytes, or a stream of them (read up to maxBytes). */
  data: Buffer | AsyncIterable<Uint8Array>;
  /** 'monitoring' lets audio manifest rows omit `reference` (default 'evaluation'). */
  purpose?: SlicePurpose;
}

/**
 * Parses and validates a customer slice upload: JSONL or CSV text rows, or a ZIP / tar.gz of
 * manifest.jsonl plus WAV/FLAC audio (and optionally alternates.glm, an SCTK GLM). Resolves only when everything is valid; otherwise rejects
 * with a SliceValidationError listing the problems. Writes nothing anywhere.
 */
export async function parseSliceUpload(
  upload: SliceUpload,
  overrides?: Partial<SliceLimits>,
): Promise<ParsedSlice> {
  const limits = resolveSliceLimits(overrides);
  const { filename } = upload;
  const purpose = upload.purpose ?? 'evaluation';
  if (purpose !== 'evaluation' && purpose !== 'monitoring')
    throw new RangeError(`purpose must be 'evaluation' or 'monitoring', got ${String(purpose)}`);
  const problems = new ProblemList(limits.maxProblems, `upload ${JSON.stringify(filename)}`);
  const data = Buffer.isBuffer(upload.data)
    ? upload.data
    : await readUploadStream(upload.data, limits.maxBytes, filename);
  if (data.length > limits.maxBytes)
    problems.fatal(filename, `is ${data.length} bytes; the limit is ${limits.maxBytes}`);
  if (data.length === 0) problems.fatal(filename, 'is empty');
  const format = detectUploadFormat({ ...upload, data }, problems);
  if (format === 'jsonl' || format === 'csv') {
    return buildParsedSlice(
      'text',
      parseTextSlice(data, format, upload, problems, limits),
      purpose,
    );
  }
  const contents =
    format === 'zip'
      ? await readZipEntries(data, filename, problems, limits)
      : await readTarEntries(data, filename, problems, limits);
  const { items, alternates } = parseAudioSlice(contents, filename, problems, limits, purpose);
  return buildParsedSlice('audio', items, purpose, alternates);
}
