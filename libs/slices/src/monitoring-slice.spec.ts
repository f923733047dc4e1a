import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSliceUpload } from './parse-slice-upload';
import { SliceValidationError } from './slice-problem';
import { type ManifestRowSpec, audioZip, twoClips } from './testing/upload-fixtures';

function unlabelled() {
  const { rows, files } = twoClips();
  const unlabelledRows: ManifestRowSpec[] = rows.map((row) => ({ ...row, reference: undefined }));
  return { rows: unlabelledRows, files };
}

async function problemsOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => assert.fail('expected a refusal'),
    (thrown: unknown) => thrown,
  );
  assert.ok(error instanceof SliceValidationError, String(error));
  return error.problems;
}

describe('monitoring slices (purpose: monitoring)', () => {
  it('accept audio rows without a reference and keep the rows that have one', async () => {
    const { rows, files } = unlabelled();
    rows[1] = { ...rows[1], reference: 'call my mother' };
    const slice = await parseSliceUpload({
      filename: 'ward.zip',
      data: audioZip(rows, files),
      purpose: 'monitoring',
    });
    assert.equal(slice.purpose, 'monitoring');
    assert.deepEqual(
      slice.items.map(({ id, references, attributes }) => ({ id, references, attributes })),
      [
        { id: 'clip-1', references: undefined, attributes: { accent: 'scottish' } },
        { id: 'clip-2', references: ['call my mother'], attributes: { accent: 'welsh' } },
      ],
    );
    assert.equal('references' in slice.items[0], false);
  });

  it('still refuse a missing reference in an evaluation slice, saying how to upload it instead', async () => {
    const { rows, files } = unlabelled();
    const problems = await problemsOf(
      parseSliceUpload({ filename: 'ward.zip', data: audioZip(rows, files) }),
    );
    assert.deepEqual(
      problems.map((p) => p.field),
      ['manifest.jsonl line 1: reference', 'manifest.jsonl line 2: reference'],
    );
    assert.match(problems[0].reason, /is required in an evaluation slice .*monitoring slice/);
  });

  it('refuse a reference that is there but blank, whatever the purpose', async () => {
    const { rows, files } = unlabelled();
    rows[0] = { ...rows[0], reference: '  ' };
    const problems = await problemsOf(
      parseSliceUpload({
        filename: 'ward.zip',
        data: audioZip(rows, files),
        purpose: 'monitoring',
      }),
    );
    assert.deepEqual(
      problems.map((p) => [p.field, p.reason]),
      [['manifest.jsonl line 1: reference', 'is empty']],
    );
  });

  it('hash the same recordings alike under either purpose, and default to evaluation', async () => {
    const { rows, files } = twoClips();
    const data = audioZip(rows, files);
    const evaluation = await parseSliceUpload({ filename: 'a.zip', data });
    const monitoring = await parseSliceUpload({ filename: 'a.zip', data, purpose: 'monitoring' });
    assert.equal(evaluation.purpose, 'evaluation');
    assert.equal(monitoring.contentHash, evaluation.contentHash);
    await assert.rejects(
      parseSliceUpload({ filename: 'a.zip', data, purpose: 'audit' as never }),
      /purpose must be 'evaluation' or 'monitoring'/,
    );
  });
});
