import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeWav } from '../testing/wav-writer';
import { parseWavHeader } from './wav-header';

function withChunkBeforeData(wav: Buffer, id: string, body: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.write(id, 0, 'latin1');
  header.writeUInt32LE(body.length, 4);
  const pad = Buffer.alloc(body.length % 2);
  const out = Buffer.concat([wav.subarray(0, 36), header, body, pad, wav.subarray(36)]);
  out.writeUInt32LE(out.length - 8, 4);
  return out;
}

describe('parseWavHeader', () => {
  it('reads format and duration of a 16 kHz mono 16-bit file', () => {
    const result = parseWavHeader(makeWav({ sampleRate: 16_000, durationMs: 250 }));
    assert.deepEqual(result, {
      ok: true,
      format: {
        container: 'wav',
        sampleRate: 16_000,
        channels: 1,
        bitsPerSample: 16,
        frames: 4000,
        durationMs: 250,
      },
    });
  });

  it('rounds the duration to whole milliseconds (22 050 Hz, 1001 frames = 45.396 ms)', () => {
    const wav = makeWav({ sampleRate: 22_050, durationMs: 45.4 });
    const result = parseWavHeader(wav);
    assert.ok(result.ok);
    assert.equal(result.format.frames, 1001);
    assert.equal(result.format.durationMs, 45);
  });

  it('skips other chunks, padding odd-sized ones, before the data chunk', () => {
    const wav = withChunkBeforeData(makeWav({ durationMs: 100 }), 'LIST', Buffer.from('INFOx'));
    const result = parseWavHeader(wav);
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.format.frames, 1600);
  });

  it('reads the real format tag of WAVE_FORMAT_EXTENSIBLE', () => {
    const plain = makeWav({ durationMs: 10 });
    const fmt = Buffer.alloc(40);
    plain.copy(fmt, 0, 20, 36);
    fmt.writeUInt16LE(0xfffe, 0);
    fmt.writeUInt16LE(22, 16);
    fmt.writeUInt16LE(16, 18);
    fmt.writeUInt16LE(1, 24); // KSDATAFORMAT_SUBTYPE_PCM starts with 0x0001
    const header = Buffer.from('RIFF\0\0\0\0WAVEfmt \x28\0\0\0', 'latin1');
    const wav = Buffer.concat([header, fmt, plain.subarray(36)]);
    wav.writeUInt32LE(wav.length - 8, 4);
    const result = parseWavHeader(wav);
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.format.frames, 160);
  });

  it('refuses a data chunk that is not a whole number of frames', () => {
    const wav = makeWav({ channels: 2, durationMs: 10 });
    const odd = Buffer.concat([wav, Buffer.alloc(2)]);
    odd.writeUInt32LE(odd.length - 8, 4);
    odd.writeUInt32LE(wav.readUInt32LE(40) + 2, 40);
    assert.deepEqual(parseWavHeader(odd), {
      ok: false,
      reason: 'has a data chunk of 642 bytes, not a whole number of 4-byte frames',
    });
  });

  it('refuses trailing bytes past the RIFF chunk, an empty data chunk, and RIFX', () => {
    const wav = makeWav({ durationMs: 10 });
    assert.match(
      reason(Buffer.concat([wav, Buffer.alloc(3)])),
      /has 3 bytes after the end of the RIFF chunk/,
    );
    assert.match(reason(makeWav({ durationMs: 0 })), /has no audio samples/);
    const rifx = Buffer.from(wav);
    rifx.write('RIFX', 0, 'latin1');
    assert.match(reason(rifx), /RIFX WAV file; only little-endian RIFF/);
  });

  it('refuses a fmt chunk whose byte rate disagrees with its sample rate', () => {
    const wav = makeWav({ durationMs: 10 });
    wav.writeUInt32LE(12_345, 28);
    assert.match(reason(wav), /inconsistent fmt chunk \(block align 2, byte rate 12345\)/);
  });
});

function reason(data: Buffer): string {
  const result = parseWavHeader(data);
  assert.ok(!result.ok, 'expected a refusal');
  return result.reason;
}
