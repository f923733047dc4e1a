import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { parseSliceUpload } from './parse-slice-upload';
import { SliceValidationError } from './slice-problem';
import { buildGoodUploads } from './testing/good-uploads';
import { CORPUS_LIMITS, type UploadFixture } from './testing/upload-fixtures';

/** Either a slice or a SliceValidationError: any other error is a parser bug. */
async function outcome(upload: UploadFixture): Promise<string> {
  try {
    await parseSliceUpload(upload, CORPUS_LIMITS);
    return 'accepted';
  } catch (error) {
    if (error instanceof SliceValidationError) return 'refused';
    throw error;
  }
}

describe('mutated uploads', () => {
  let good: UploadFixture[];
  before(async () => {
    good = await buildGoodUploads();
  });

  it('never fail with anything but a SliceValidationError when bytes are flipped, cut or inserted', async () => {
    const mutation = fc.record({
      which: fc.nat(),
      at: fc.nat(),
      kind: fc.constantFrom('flip', 'cut', 'insert'),
      byte: fc.integer({ min: 0, max: 255 }),
    });
    await fc.assert(
      fc.asyncProperty(mutation, async ({ which, at, kind, byte }) => {
        const upload = good[which % good.length];
        const data = Buffer.from(upload.data);
        const offset = at % data.length;
        if (kind === 'flip') data[offset] ^= byte | 1;
        const mutated =
          kind === 'cut'
            ? data.subarray(0, offset)
            : kind === 'insert'
              ? Buffer.concat([
                  data.subarray(0, offset),
                  Buffer.from([byte]),
                  data.subarray(offset),
                ])
              : data;
        assert.match(await outcome({ ...upload, data: mutated }), /accepted|refused/);
      }),
      { numRuns: 300, seed: 20_260_524 },
    );
  });
});
