import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PUBLIC_DATA_DIR, readPublicFile } from './public-data';

const manifest = readPublicFile('SHA256SUMS')
  .trim()
  .split('\n')
  .map((line) => {
    const [sha256, path] = line.split(/\s+/);
    return { sha256, path };
  });

describe('vendored public probe sets', () => {
  it('are byte-identical to the files recorded in SHA256SUMS', () => {
    assert.equal(manifest.length, 28);
    for (const { sha256, path } of manifest) {
      const actual = createHash('sha256')
        .update(readFileSync(join(PUBLIC_DATA_DIR, path)))
        .digest('hex');
      assert.equal(actual, sha256, path);
    }
  });

  it('list every data file in the manifest, and keep a license in every set', () => {
    const listed = new Set(manifest.map((m) => m.path));
    for (const set of ['winogender', 'winobias', 'bold', 'bbq']) {
      const files = readdirSync(join(PUBLIC_DATA_DIR, set));
      for (const file of files)
        assert.ok(listed.has(`${set}/${file}`), `${set}/${file} is not in SHA256SUMS`);
      assert.ok(
        files.some((f) => /^LICENSE/.test(f)),
        `${set} has no license file`,
      );
    }
    const provenance = readPublicFile('PROVENANCE.md');
    for (const commit of [
      '1c7f8b481ad8a234b41e9f76a424d6e856e13f7f',
      '0bce984dd081bbc10b0622f326727a024c607895',
      '3ad652c773f5d1e30d5f6f61657ed934d768ecad',
      'bea11bd97d79217245b5871acd247b9d6eb24598',
    ]) {
      assert.ok(provenance.includes(commit), commit);
    }
  });

  it('names the file and the build step when a file is missing', () => {
    assert.throws(
      () => readPublicFile('bbq/Gender_identity.jsonl'),
      /copies libs\/scenarios\/data/,
    );
  });
});
