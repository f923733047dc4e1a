import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeFlac } from '../testing/flac-writer';
import { parseFlacHeader } from './flac-header';

describe('parseFlacHeader', () => {
  it('reads STREAMINFO: 48 kHz mono 16-bit, 1500 ms = 72 000 samples', () => {
    assert.deepEqual(parseFlacHeader(makeFlac({ sampleRate: 48_000, durationMs: 1500 })), {
      ok: true,
      format: {
        container: 'flac',
        sampleRate: 48_000,
        channels: 1,
        bitsPerSample: 16,
        frames: 72_000,
        durationMs: 1500,
      },
    });
  });

  it('follows frame numbers past one byte of coding (500 frames of 16 samples)', () => {
    const result = parseFlacHeader(
      makeFlac({ sampleRate: 16_000, durationMs: 500, blockSize: 16 }),
    );
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.format.frames, 8000);
  });

  it('reads stereo and 24-bit streams', () => {
    const result = parseFlacHeader(makeFlac({ channels: 2, bitsPerSample: 24, durationMs: 100 }));
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(
      [result.format.channels, result.format.bitsPerSample, result.format.frames],
      [2, 24, 1600],
    );
  });

  it('refuses a stream that STREAMINFO says is longer than its frames', () => {
    const result = parseFlacHeader(makeFlac({ durationMs: 100, declaredSamples: 2000 }));
    assert.deepEqual(result, {
      ok: false,
      reason: 'is truncated: its audio frames end at sample 1600 of the 2000 STREAMINFO declares',
    });
  });

  it('refuses frames that run past the declared sample count', () => {
    const result = parseFlacHeader(makeFlac({ durationMs: 100, declaredSamples: 1000 }));
    assert.ok(!result.ok);
    assert.match(result.reason, /frames up to sample 1600 but STREAMINFO declares 1000/);
  });

  it('refuses a file cut by a single byte, and one whose last byte is flipped', () => {
    const flac = makeFlac({ durationMs: 100 });
    assert.match(refusal(flac.subarray(0, flac.length - 1)), /last audio frame is incomplete/);
    const flipped = Buffer.from(flac);
    flipped[flipped.length - 1] ^= 0xff;
    assert.match(refusal(flipped), /last audio frame is incomplete/);
  });

  it('refuses a metadata block that runs past the end, and a missing STREAMINFO', () => {
    const flac = makeFlac({ durationMs: 100 });
    assert.match(
      refusal(flac.subarray(0, 20)),
      /metadata block 0 declares 34 bytes but only 12 remain/,
    );
    const noStreamInfo = Buffer.from(flac);
    noStreamInfo[4] = 0x84; // last block, type 4 (VORBIS_COMMENT)
    assert.match(refusal(noStreamInfo), /does not start with a STREAMINFO block/);
  });

  it('refuses audio that does not start with a frame header', () => {
    const flac = Buffer.from(makeFlac({ durationMs: 100 }));
    flac[42] = 0x00;
    assert.match(refusal(flac), /no valid audio frame header at byte 42/);
  });
});

function refusal(data: Buffer): string {
  const result = parseFlacHeader(data);
  assert.ok(!result.ok, 'expected a refusal');
  return result.reason;
}
