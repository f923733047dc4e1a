import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { before, describe, it } from 'node:test';
import { parseSliceUpload } from './parse-slice-upload';
import type { ParsedSlice } from './parsed-slice';
import { SliceValidationError } from './slice-problem';
import { buildGoodUploads, QA_ROWS } from './testing/good-uploads';
import { CORPUS_LIMITS, jsonl, type UploadFixture } from './testing/upload-fixtures';

type Good = UploadFixture & { items: number };

async function rejection(promise: Promise<unknown>): Promise<SliceValidationError> {
  const error = await promise.then(
    () => assert.fail('expected a refusal'),
    (thrown: unknown) => thrown,
  );
  assert.ok(error instanceof SliceValidationError, String(error));
  return error;
}

describe('parseSliceUpload', () => {
  let good: Good[];
  const parsed = new Map<string, ParsedSlice>();
  before(async () => {
    good = await buildGoodUploads();
    for (const upload of good)
      parsed.set(upload.name, await parseSliceUpload(upload, CORPUS_LIMITS));
  });

  it('accepts every good upload with all its items, under the corpus limits and the defaults', async () => {
    for (const upload of good) {
      assert.equal(parsed.get(upload.name)!.items.length, upload.items, upload.name);
      assert.equal(
        (await parseSliceUpload(upload)).contentHash,
        parsed.get(upload.name)!.contentHash,
      );
    }
  });

  it('reads JSONL rows into items, coercing numeric attribute values to text', () => {
    const slice = parsed.get('JSONL rows')!;
    assert.equal(slice.modality, 'text');
    assert.deepEqual(slice.items, [
      {
        id: 'q1',
        input: QA_ROWS[0].input,
        references: ['Paris', 'paris'],
        attributes: { domain: 'geography', difficulty: '1' },
      },
      {
        id: 'q2',
        input: 'Pick the mammal.',
        label: 'whale',
        choices: ['shark', 'whale'],
        attributes: { domain: 'biology' },
      },
      {
        id: 'q3',
        input: 'Café, naïve, 東京: say it "plainly", please.',
        references: ['ok'],
        attributes: {},
      },
    ]);
    assert.deepEqual(slice.attributes, { difficulty: ['1'], domain: ['biology', 'geography'] });
  });

  it('reads the same items from CSV (| and JSON-array lists), UTF-16 CSV and BOM-prefixed CRLF JSONL', () => {
    const reference = parsed.get('JSONL rows')!;
    for (const name of [
      'CSV rows',
      'CSV in UTF-16LE with a byte-order mark',
      'JSONL with a UTF-8 BOM and CRLF line ends',
    ]) {
      assert.deepEqual(parsed.get(name)!.items, reference.items, name);
      assert.equal(parsed.get(name)!.contentHash, reference.contentHash, name);
    }
  });

  it('reads WAV clips from a zip with their durations and references', () => {
    const slice = parsed.get('zip of WAV clips')!;
    assert.equal(slice.modality, 'audio');
    assert.deepEqual(
      slice.items.map(({ id, references, attributes, audio }) => [
        id,
        references,
        attributes,
        audio!.mimeType,
        audio!.durationMs,
        audio!.data.length,
      ]),
      [
        ['clip-1', ['turn the lights on'], { accent: 'scottish' }, 'audio/wav', 250, 44 + 8000],
        ['clip-2', ['call my mother'], { accent: 'welsh' }, 'audio/wav', 250, 44 + 8000],
      ],
    );
    assert.deepEqual(slice.attributes, { accent: ['scottish', 'welsh'] });
  });

  it('reads FLAC clips from a tar.gz, one at 8 kHz and one at 48 kHz', () => {
    const slice = parsed.get('tar.gz of FLAC clips')!;
    assert.deepEqual(
      slice.items.map((item) => [item.audio!.mimeType, item.audio!.durationMs]),
      [
        ['audio/flac', 1500],
        ['audio/flac', 250],
      ],
    );
  });

  it('accepts the upload as a stream, and refuses a stream past maxBytes without reading it all', async () => {
    const upload = good[0];
    const chunks = [upload.data.subarray(0, 10), upload.data.subarray(10)];
    const slice = await parseSliceUpload({
      filename: upload.filename,
      data: Readable.from(chunks),
    });
    assert.equal(slice.contentHash, parsed.get(upload.name)!.contentHash);
    let pulled = 0;
    async function* endless() {
      for (;;) {
        pulled += 1;
        yield Buffer.alloc(1024);
      }
    }
    const error = await rejection(
      parseSliceUpload({ filename: 'x.jsonl', data: endless() }, { maxBytes: 4096 }),
    );
    assert.deepEqual(error.problems, [{ field: 'x.jsonl', reason: 'is more than 4096 bytes' }]);
    assert.equal(pulled, 5);
  });

  it('refuses an upload over maxBytes', async () => {
    const error = await rejection(
      parseSliceUpload({ filename: 'a.jsonl', data: jsonl(QA_ROWS) }, { maxBytes: 100 }),
    );
    assert.match(error.problems[0].reason, /^is \d+ bytes; the limit is 100$/);
  });

  it('keeps the first maxProblems problems and counts them all', async () => {
    const rows = Array.from({ length: 80 }, (_, i) => ({ id: `r${i}` }));
    const error = await rejection(
      parseSliceUpload({ filename: 'a.jsonl', data: jsonl(rows) }, { maxProblems: 50 }),
    );
    assert.equal(error.problems.length, 50);
    assert.equal(error.problemCount, 80);
    assert.equal(error.detail, 'upload "a.jsonl" was refused: 80 problems (first 50 shown)');
    assert.deepEqual(error.problems[49], { field: 'rows[50].input', reason: 'is required' });
  });

  it('reports every bad row of a file, not only the first', async () => {
    const data = jsonl([
      { id: 'a', input: 'x' },
      { id: 'b' },
      { id: 'a', input: 'y' },
      { input: 'z' },
    ]);
    const error = await rejection(parseSliceUpload({ filename: 'a.jsonl', data }));
    assert.deepEqual(error.problems, [
      { field: 'rows[2].input', reason: 'is required' },
      { field: 'rows[3].id', reason: 'duplicate id "a" (first used in rows[1])' },
      { field: 'rows[4].id', reason: 'is required' },
    ]);
  });

  it('finds the format from the content type or the leading bytes when the name has no extension', async () => {
    const fromType = await parseSliceUpload({
      filename: 'upload',
      contentType: 'application/x-ndjson',
      data: jsonl(QA_ROWS),
    });
    assert.equal(fromType.items.length, 3);
    const zip = good.find((upload) => upload.filename.endsWith('.zip'))!;
    const fromMagic = await parseSliceUpload({ filename: 'upload', data: zip.data });
    assert.equal(fromMagic.modality, 'audio');
  });

  it('rejects limits that are not positive numbers as a programming error', async () => {
    await assert.rejects(parseSliceUpload(good[0], { maxItems: 0 }), RangeError);
  });
});
