import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parseSliceUpload } from '../parse-slice-upload';
import { SliceValidationError } from '../slice-problem';
import { buildBadUploads, type BadUpload } from './bad-uploads';
import { CORPUS_LIMITS } from './upload-fixtures';

/** Why the upload was not refused as expected, or undefined when it was. */
async function mismatch(upload: BadUpload, limits = CORPUS_LIMITS): Promise<string | undefined> {
  const { filename, contentType, data } = upload;
  const error = await parseSliceUpload({ filename, contentType, data }, limits).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof SliceValidationError))
    return `${upload.name}: accepted or crashed: ${String(error)}`;
  const named = error.problems.some(
    (problem) =>
      upload.expectedField.test(problem.field) && upload.expectedReason.test(problem.reason),
  );
  return named
    ? undefined
    : `${upload.name}: no problem matches; got ${JSON.stringify(error.problems)}`;
}

async function refusal(upload: BadUpload): Promise<SliceValidationError> {
  const { filename, contentType, data } = upload;
  return parseSliceUpload({ filename, contentType, data }, CORPUS_LIMITS).then(
    () => assert.fail(`${upload.name} was accepted`),
    (error: SliceValidationError) => error,
  );
}

describe('bad upload corpus', () => {
  let corpus: BadUpload[];
  before(async () => {
    corpus = await buildBadUploads();
  });

  it('holds at least 40 distinct cases', () => {
    assert.ok(corpus.length >= 40, `only ${corpus.length}`);
    assert.equal(new Set(corpus.map((upload) => upload.name)).size, corpus.length);
  });

  it('refuses every case under the corpus limits, naming the expected field and reason', async () => {
    const failures = [];
    for (const upload of corpus) failures.push(await mismatch(upload));
    assert.deepEqual(failures.filter(Boolean), []);
  });

  it('refuses every case that does not need tight limits under the default limits too', async () => {
    const failures = [];
    for (const upload of corpus.filter((candidate) => !candidate.needsCorpusLimits)) {
      failures.push(await mismatch(upload, {}));
    }
    assert.deepEqual(failures.filter(Boolean), []);
  });

  it('gives every refusal a detail that counts its problems', async () => {
    for (const upload of corpus.slice(0, 10)) {
      const error = await refusal(upload);
      assert.ok(error instanceof SliceValidationError);
      assert.match(error.detail, /^upload ".+" was refused: \d+ problems?/);
      assert.equal(error.problemCount, error.problems.length);
    }
  });
});
