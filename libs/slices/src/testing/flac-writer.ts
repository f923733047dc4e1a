import { flacCrc16, flacCrc8 } from '../audio/flac-crc';
import { toneSamples, type ToneOptions } from './wav-writer';

const SAMPLE_SIZE_CODES: Record<number, number> = { 8: 1, 16: 4, 24: 6 };

/**
 * A valid FLAC file of a sine tone, every frame VERBATIM (uncompressed samples): enough to
 * exercise the header and frame checks without an encoder. `declaredSamples` overrides the
 * STREAMINFO sample count (0 = unknown).
 */
export function makeFlac(
  options: ToneOptions & { blockSize?: number; declaredSamples?: number } = {},
): Buffer {
  const { sampleRate = 16_000, channels = 1, bitsPerSample = 16, blockSize = 1152 } = options;
  const { frames, samples } = toneSamples(options);
  const streamInfo = Buffer.alloc(34);
  streamInfo.writeUInt16BE(blockSize, 0);
  streamInfo.writeUInt16BE(blockSize, 2);
  // Bytes 4-9 (min/max frame size) stay 0: unknown. Then 20 + 3 + 5 + 36 bits.
  const total = options.declaredSamples ?? frames;
  streamInfo[10] = sampleRate >> 12;
  streamInfo[11] = (sampleRate >> 4) & 0xff;
  streamInfo[12] = ((sampleRate & 0x0f) << 4) | ((channels - 1) << 1) | ((bitsPerSample - 1) >> 4);
  streamInfo[13] = (((bitsPerSample - 1) & 0x0f) << 4) | Math.floor(total / 2 ** 32);
  streamInfo.writeUInt32BE(total % 2 ** 32, 14);
  const parts: Buffer[] = [
    Buffer.from('fLaC', 'latin1'),
    Buffer.from([0x80, 0, 0, 34]),
    streamInfo,
  ];
  for (let first = 0, number = 0; first < frames; first += blockSize, number += 1) {
    const size = Math.min(blockSize, frames - first);
    parts.push(
      frame(
        number,
        size,
        samples.subarray(first * channels, (first + size) * channels),
        channels,
        bitsPerSample,
      ),
    );
  }
  return Buffer.concat(parts);
}

function frame(
  number: number,
  size: number,
  interleaved: Int32Array,
  channels: number,
  bits: number,
): Buffer {
  const header = [
    0xff,
    0xf8,
    0x70,
    ((channels - 1) << 4) | (SAMPLE_SIZE_CODES[bits] << 1),
    ...codedNumber(number),
  ];
  header.push((size - 1) >> 8, (size - 1) & 0xff);
  header.push(flacCrc8(Uint8Array.from(header), 0, header.length));
  const bytes = bits / 8;
  const body = Buffer.alloc(channels * (1 + size * bytes));
  let at = 0;
  for (let channel = 0; channel < channels; channel += 1) {
    body[at++] = 0x02; // subframe header: VERBATIM, no wasted bits
    for (let i = 0; i < size; i += 1, at += bytes)
      body.writeIntBE(interleaved[i * channels + channel], at, bytes);
  }
  const withoutCrc = Buffer.concat([Buffer.from(header), body]);
  const crc = Buffer.alloc(2);
  crc.writeUInt16BE(flacCrc16(withoutCrc, 0, withoutCrc.length));
  return Buffer.concat([withoutCrc, crc]);
}

/** FLAC's UTF-8-style coding of a frame number: a lead byte and n continuation bytes of 6 bits. */
function codedNumber(value: number): number[] {
  if (value < 0x80) return [value];
  for (let n = 1; n <= 6; n += 1) {
    if (value >= 2 ** (6 - n + 6 * n)) continue;
    const continuation: number[] = [];
    let rest = value;
    for (let i = 0; i < n; i += 1, rest = Math.floor(rest / 64))
      continuation.unshift(0x80 | (rest & 0x3f));
    return [((0xff << (7 - n)) & 0xff) | rest, ...continuation];
  }
  throw new RangeError(`frame number ${value} is too large`);
}
