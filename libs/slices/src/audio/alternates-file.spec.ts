import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSliceUpload } from '../parse-slice-upload';
import { SliceValidationError } from '../slice-problem';
import { audioZip, twoClips } from '../testing/upload-fixtures';

const GLM = ';;\n* name "ward"\nHEALTH CARE => {HEALTH CARE / HEALTHCARE} / [ ] __ [ ]\n';

describe("an audio slice's alternates.glm", () => {
  it('is kept as the slice alternates and is part of the content hash', async () => {
    const { rows, files } = twoClips();
    const plain = await parseSliceUpload({ filename: 'w.zip', data: audioZip(rows, files) });
    const withGlm = await parseSliceUpload({
      filename: 'w.zip',
      data: audioZip(rows, files, [{ name: 'alternates.glm', data: Buffer.from(GLM) }]),
    });
    assert.equal(plain.alternates, null);
    assert.equal(withGlm.alternates, GLM);
    assert.deepEqual(withGlm.items, plain.items);
    assert.notEqual(withGlm.contentHash, plain.contentHash);
    const other = await parseSliceUpload({
      filename: 'w.zip',
      data: audioZip(rows, files, [{ name: 'alternates.glm', data: Buffer.from(`${GLM};;\n`) }]),
    });
    assert.notEqual(other.contentHash, withGlm.contentHash);
  });

  it('is refused at its line when csrfilt.sh could not read it, with the other problems', async () => {
    const { rows, files } = twoClips();
    const upload = audioZip(rows, files, [
      { name: 'alternates.glm', data: Buffer.from(';;\nHEALTHCARE HEALTH CARE\n') },
      { name: 'notes.txt', data: Buffer.from('stray') },
    ]);
    const error = await parseSliceUpload({ filename: 'w.zip', data: upload }).then(
      () => assert.fail('expected a refusal'),
      (thrown: unknown) => thrown,
    );
    assert.ok(error instanceof SliceValidationError);
    assert.deepEqual(error.problems, [
      { field: 'alternates.glm', reason: 'GLM line 2: no "=>" in rule: HEALTHCARE HEALTH CARE' },
      { field: 'notes.txt', reason: 'is not named in manifest.jsonl' },
    ]);
  });
});
