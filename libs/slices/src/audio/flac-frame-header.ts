import { flacCrc8 } from './flac-crc';

/** The parts of a FLAC frame header (RFC 9639 §9.1) needed to place the frame in the stream. */
export interface FlacFrameHeader {
  /** True for a variable-block-size stream: `number` is then a sample number, else a frame number. */
  variableBlockSize: boolean;
  number: number;
  blockSize: number;
  /** Bytes of the header, CRC-8 included. */
  length: number;
}

/** The frame header at `at`, or undefined when the bytes there are not one (bad sync, reserved values, CRC-8). */
export function readFlacFrameHeader(data: Buffer, at: number): FlacFrameHeader | undefined {
  if (at + 5 > data.length || data[at] !== 0xff || (data[at + 1] & 0xfe) !== 0xf8) return undefined;
  const blockSizeCode = data[at + 2] >> 4;
  const sampleRateCode = data[at + 2] & 0x0f;
  const channelCode = data[at + 3] >> 4;
  const sampleSizeCode = (data[at + 3] >> 1) & 0x07;
  if (blockSizeCode === 0 || sampleRateCode === 15 || channelCode > 10 || sampleSizeCode === 3)
    return undefined;
  if (data[at + 3] & 1) return undefined;
  const coded = readCodedNumber(data, at + 4);
  if (!coded) return undefined;
  let cursor = at + 4 + coded.length;
  let blockSize: number;
  if (blockSizeCode === 1) blockSize = 192;
  else if (blockSizeCode <= 5) blockSize = 576 << (blockSizeCode - 2);
  else if (blockSizeCode === 6) blockSize = (data[cursor++] ?? 0) + 1;
  else if (blockSizeCode === 7) {
    blockSize = (((data[cursor] ?? 0) << 8) | (data[cursor + 1] ?? 0)) + 1;
    cursor += 2;
  } else blockSize = 256 << (blockSizeCode - 8);
  if (sampleRateCode === 12) cursor += 1;
  else if (sampleRateCode === 13 || sampleRateCode === 14) cursor += 2;
  if (cursor >= data.length || flacCrc8(data, at, cursor) !== data[cursor]) return undefined;
  return {
    variableBlockSize: (data[at + 1] & 1) === 1,
    number: coded.value,
    blockSize,
    length: cursor + 1 - at,
  };
}

/** The UTF-8-like coded frame or sample number (up to 7 bytes, 36 bits). */
function readCodedNumber(data: Buffer, at: number): { value: number; length: number } | undefined {
  const first = data[at];
  if (first === undefined) return undefined;
  if (first < 0x80) return { value: first, length: 1 };
  let length = 0;
  while (length < 8 && first & (0x80 >> length)) length += 1;
  if (length < 2 || length > 7) return undefined;
  let value = length === 7 ? 0 : first & (0xff >> (length + 1));
  for (let i = 1; i < length; i += 1) {
    const byte = data[at + i];
    if (byte === undefined || (byte & 0xc0) !== 0x80) return undefined;
    value = value * 64 + (byte & 0x3f);
  }
  return { value, length };
}
