import type { UploadFixture } from './upload-fixtures';

/** An upload that must be refused, and the problem that must name why. */
export interface BadUpload extends UploadFixture {
  /** Refused only under CORPUS_LIMITS (a limit too large to exceed cheaply), not under the defaults. */
  needsCorpusLimits: boolean;
  expectedField: RegExp;
  expectedReason: RegExp;
}

export function bad(
  name: string,
  filename: string,
  data: Buffer,
  expectedField: RegExp,
  expectedReason: RegExp,
  options: { contentType?: string; needsCorpusLimits?: boolean } = {},
): BadUpload {
  return {
    name,
    filename,
    data,
    expectedField,
    expectedReason,
    needsCorpusLimits: options.needsCorpusLimits ?? false,
    ...(options.contentType && { contentType: options.contentType }),
  };
}
