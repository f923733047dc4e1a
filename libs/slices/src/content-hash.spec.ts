import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { sliceContentHash } from './content-hash';
import type { SliceItem } from './parsed-slice';
import { parseSliceUpload } from './parse-slice-upload';
import { makeTar } from './testing/tar-writer';
import { jsonl, text, twoClips } from './testing/upload-fixtures';
import { makeWav } from './testing/wav-writer';
import { makeZip } from './testing/zip-writer';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

describe('slice content hash', () => {
  it('is the sha256 of the versioned canonical item lines, ids in order', () => {
    const expected = sha256(
      'lastmile-slice-v1\ntext\n' +
        '{"attributes":{"accent":"x"},"id":"a","input":"1"}\n' +
        '{"attributes":{},"id":"b","input":"2","references":["r"]}\n',
    );
    const items: SliceItem[] = [
      { id: 'b', input: '2', references: ['r'], attributes: {} },
      { id: 'a', input: '1', attributes: { accent: 'x' } },
    ];
    assert.equal(sliceContentHash('text', items), expected);
  });

  it('stands for audio by its mime type and the sha256 of its bytes', () => {
    const data = makeWav({ durationMs: 20 });
    const item = {
      id: 'a',
      references: ['hi'],
      attributes: {},
      audio: { data, mimeType: 'audio/wav' as const, durationMs: 20 },
    };
    const line = `{"attributes":{},"audio":{"mimeType":"audio/wav","sha256":"${sha256(data)}"},"id":"a","references":["hi"]}\n`;
    assert.equal(sliceContentHash('audio', [item]), sha256(`lastmile-slice-v1\naudio\n${line}`));
  });

  it('is the same for the same rows in another order, with keys in another order', async () => {
    const a = jsonl([
      { id: 'x', input: 'one', attributes: { b: '2', a: '1' } },
      { id: 'y', input: 'two' },
    ]);
    const b = text([
      `{"input":"two","id":"y"}`,
      `{"attributes":{"a":"1","b":"2"},"input":"one","id":"x"}`,
    ]);
    const [first, second] = await Promise.all([
      parseSliceUpload({ filename: 'a.jsonl', data: a }),
      parseSliceUpload({ filename: 'b.jsonl', data: b }),
    ]);
    assert.equal(first.contentHash, second.contentHash);
  });

  it('is the same for the same clips packed as zip or tar.gz, in any entry order, in a folder or not', async () => {
    const { rows, files } = twoClips();
    const reordered = rows
      .map(({ attributes, reference, audio, id }) => ({ attributes, reference, audio, id }))
      .reverse();
    const zip = makeZip([
      { name: 'manifest.jsonl', data: jsonl(rows) },
      ...Object.entries(files).map(([name, data]) => ({ name, data })),
    ]);
    const tar = await makeTar([
      ...Object.entries(files)
        .reverse()
        .map(([name, data]) => ({ name: `slice/${name}`, data })),
      { name: 'slice/manifest.jsonl', data: jsonl(reordered) },
    ]);
    const stored = makeZip([
      ...Object.entries(files).map(([name, data]) => ({ name, data, store: true })),
      { name: 'manifest.jsonl', data: jsonl(reordered), store: true },
    ]);
    const hashes = await Promise.all(
      [
        ['a.zip', zip],
        ['b.tar.gz', tar],
        ['c.zip', stored],
      ].map(
        async ([filename, data]) =>
          (await parseSliceUpload({ filename: filename as string, data: data as Buffer }))
            .contentHash,
      ),
    );
    assert.equal(new Set(hashes).size, 1, hashes.join(' '));
  });

  it('changes when one audio byte, one reference or one attribute changes', async () => {
    const { rows, files } = twoClips();
    const hash = async (manifest: typeof rows, audio: typeof files) =>
      (
        await parseSliceUpload({
          filename: 'a.zip',
          data: makeZip([
            { name: 'manifest.jsonl', data: jsonl(manifest) },
            ...Object.entries(audio).map(([name, data]) => ({ name, data })),
          ]),
        })
      ).contentHash;
    const base = await hash(rows, files);
    const flipped = Buffer.from(files['audio/clip2.wav']);
    flipped[100] ^= 1;
    const variants = await Promise.all([
      hash(rows, { ...files, 'audio/clip2.wav': flipped }),
      hash([rows[0], { ...rows[1], reference: 'call my brother' }], files),
      hash([rows[0], { ...rows[1], attributes: { accent: 'irish' } }], files),
    ]);
    assert.equal(new Set([base, ...variants]).size, 4);
  });
});
