import { BitReader } from './bit-reader';
import { AudioDecodeError, type DecodedAudio, toMonoFloat } from './decoded-audio';
import { flacCrc16 } from './flac-crc';
import { readFlacFrameHeader } from './flac-frame-header';
import { parseFlacHeader } from './flac-header';

// Hand-written decoder for RFC 9639 FLAC: no maintained npm decoder is CommonJS, synchronous and
// small (flac.js and libflac.js are Emscripten builds). Every frame's CRC-16 is checked.

const SAMPLE_SIZES = [0, 8, 12, 0, 16, 20, 24, 32];
const FIXED_COEFFICIENTS = [[], [1], [2, -1], [3, -3, 1], [4, -6, 4, -1]];

/** Samples of a FLAC file that parseFlacHeader accepts, channels averaged. */
export function decodeFlac(data: Buffer): DecodedAudio {
  const header = parseFlacHeader(data);
  if (!header.ok) throw new AudioDecodeError(`FLAC ${header.reason}`);
  const { sampleRate, channels, bitsPerSample, frames } = header.format;
  const decoded: Int32Array[] = Array.from({ length: channels }, () => new Int32Array(frames));
  let at = audioStart(data);
  let written = 0;
  while (written < frames) {
    const frame = readFlacFrameHeader(data, at);
    if (!frame) throw new AudioDecodeError(`FLAC has no valid frame header at byte ${at}`);
    const end = decodeFrame(
      data,
      at,
      frame.length,
      frame.blockSize,
      bitsPerSample,
      channels,
      (c, i, v) => {
        decoded[c][written + i] = v;
      },
    );
    written += frame.blockSize;
    at = end;
  }
  return {
    sampleRate,
    channels,
    bitsPerSample,
    samples: toMonoFloat(decoded, frames, bitsPerSample),
  };
}

function audioStart(data: Buffer): number {
  let offset = 4;
  for (let last = false; !last;) {
    last = (data[offset] & 0x80) !== 0;
    offset += 4 + data.readUIntBE(offset + 1, 3);
  }
  return offset;
}

/** Decodes one frame, writes its samples, checks its CRC-16 and returns the next frame's offset. */
function decodeFrame(
  data: Buffer,
  at: number,
  headerLength: number,
  blockSize: number,
  streamBits: number,
  streamChannels: number,
  write: (channel: number, index: number, value: number) => void,
): number {
  const assignment = data[at + 3] >> 4;
  const bits = SAMPLE_SIZES[(data[at + 3] >> 1) & 7] || streamBits;
  const channels = assignment < 8 ? assignment + 1 : 2;
  if (channels !== streamChannels)
    throw new AudioDecodeError(`FLAC frame at byte ${at} changes the channel count`);
  const reader = new BitReader(data, at + headerLength);
  const subframes: Int32Array[] = [];
  for (let c = 0; c < channels; c++) {
    // the side channel of a stereo decorrelation carries one more bit
    const side =
      (assignment === 8 && c === 1) ||
      (assignment === 9 && c === 0) ||
      (assignment === 10 && c === 1);
    subframes.push(readSubframe(reader, blockSize, bits + (side ? 1 : 0)));
  }
  reader.alignToByte();
  const end = reader.bytePosition + 2;
  if (end > data.length || flacCrc16(data, at, end - 2) !== data.readUInt16BE(end - 2))
    throw new AudioDecodeError(`FLAC frame at byte ${at} fails its CRC-16`);
  for (let i = 0; i < blockSize; i++) {
    const a = subframes[0][i];
    const b = channels > 1 ? subframes[1][i] : 0;
    let left = a;
    let right = b;
    if (assignment === 8)
      right = a - b; // left, side
    else if (assignment === 9)
      left = a + b; // side, right
    else if (assignment === 10) {
      const mid = a * 2 + (b & 1); // mid, side
      left = (mid + b) >> 1;
      right = (mid - b) >> 1;
    } else {
      for (let c = 0; c < channels; c++) write(c, i, subframes[c][i]);
      continue;
    }
    write(0, i, left);
    write(1, i, right);
  }
  return end;
}

function readSubframe(reader: BitReader, blockSize: number, bits: number): Int32Array {
  if (reader.read(1) !== 0) throw new AudioDecodeError('FLAC subframe padding bit is set');
  const type = reader.read(6);
  const wasted = reader.read(1) === 1 ? reader.readUnary() + 1 : 0;
  const size = bits - wasted;
  const out = new Int32Array(blockSize);
  if (type === 0) out.fill(reader.readSigned(size));
  else if (type === 1) for (let i = 0; i < blockSize; i++) out[i] = reader.readSigned(size);
  else if (type >= 8 && type <= 12) {
    const order = type - 8;
    for (let i = 0; i < order; i++) out[i] = reader.readSigned(size);
    readResidual(reader, blockSize, order, out);
    predict(out, order, FIXED_COEFFICIENTS[order], 0);
  } else if (type >= 32) {
    const order = type - 31;
    for (let i = 0; i < order; i++) out[i] = reader.readSigned(size);
    const precision = reader.read(4) + 1;
    if (precision === 16) throw new AudioDecodeError('FLAC LPC precision code 15 is invalid');
    const shift = reader.readSigned(5);
    if (shift < 0) throw new AudioDecodeError('FLAC LPC shift is negative');
    const coefficients = Array.from({ length: order }, () => reader.readSigned(precision));
    readResidual(reader, blockSize, order, out);
    predict(out, order, coefficients, shift);
  } else throw new AudioDecodeError(`FLAC subframe type ${type} is reserved`);
  if (wasted > 0) for (let i = 0; i < blockSize; i++) out[i] *= 2 ** wasted;
  return out;
}

/** Rice-coded residuals into out[order…], partition by partition. */
function readResidual(reader: BitReader, blockSize: number, order: number, out: Int32Array): void {
  const method = reader.read(2);
  if (method > 1) throw new AudioDecodeError(`FLAC residual coding method ${method} is reserved`);
  const paramBits = method === 0 ? 4 : 5;
  const escape = (1 << paramBits) - 1;
  const partitionOrder = reader.read(4);
  const partitions = 1 << partitionOrder;
  let i = order;
  for (let p = 0; p < partitions; p++) {
    const count = (blockSize >> partitionOrder) - (p === 0 ? order : 0);
    const param = reader.read(paramBits);
    if (param === escape) {
      const raw = reader.read(5);
      for (let n = 0; n < count; n++) out[i++] = reader.readSigned(raw);
    } else {
      reader.readRice(param, out, i, count);
      i += count;
    }
  }
}

/** s[n] = residual[n] + floor(Σ c_j s[n−1−j] / 2^shift), in doubles (no 32-bit overflow). */
function predict(
  out: Int32Array,
  order: number,
  coefficients: readonly number[],
  shift: number,
): void {
  const divisor = 2 ** shift;
  for (let n = order; n < out.length; n++) {
    let sum = 0;
    for (let j = 0; j < order; j++) sum += coefficients[j] * out[n - 1 - j];
    out[n] += Math.floor(sum / divisor);
  }
}
