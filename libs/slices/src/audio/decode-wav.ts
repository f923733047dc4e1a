import { AudioDecodeError, type DecodedAudio } from './decoded-audio';
import { parseWavHeader } from './wav-header';

/**
 * PCM samples of a WAV file that parseWavHeader accepts (8-bit unsigned, 16/24/32-bit signed
 * little-endian), channels averaged. Throws AudioDecodeError with the header's reason otherwise.
 */
export function decodeWav(data: Buffer): DecodedAudio {
  const header = parseWavHeader(data);
  if (!header.ok) throw new AudioDecodeError(`WAV ${header.reason}`);
  const { channels, bitsPerSample, frames, sampleRate } = header.format;
  const bytes = Math.ceil(bitsPerSample / 8);
  if (![1, 2, 3, 4].includes(bytes) || bitsPerSample % 8 !== 0)
    throw new AudioDecodeError(`WAV with ${bitsPerSample} bits per sample is not decoded`);
  const start = dataChunkStart(data);
  const samples = new Float32Array(frames);
  const scale = 1 / (2 ** (bitsPerSample - 1) * channels);
  if (bytes === 2 && LITTLE_ENDIAN) {
    // 16-bit, the common case: read through an Int16Array (copied when the bytes are unaligned)
    const count = frames * channels;
    const offset = data.byteOffset + start;
    const view =
      offset % 2 === 0
        ? new Int16Array(data.buffer, offset, count)
        : new Int16Array(Uint8Array.from(data.subarray(start, start + count * 2)).buffer);
    for (let frame = 0, at = 0; frame < frames; frame++) {
      let sum = 0;
      for (let c = 0; c < channels; c++) sum += view[at++];
      samples[frame] = sum * scale;
    }
  } else {
    const read = sampleReader(data, bytes);
    for (let frame = 0, at = start; frame < frames; frame++) {
      let sum = 0;
      for (let c = 0; c < channels; c++, at += bytes) sum += read(at);
      samples[frame] = sum * scale;
    }
  }
  return { sampleRate, channels, bitsPerSample, samples };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function sampleReader(data: Buffer, bytes: number): (at: number) => number {
  if (bytes === 1) return (at) => data[at] - 128; // 8-bit WAV is unsigned
  if (bytes === 2) return (at) => data.readInt16LE(at);
  if (bytes === 3) return (at) => data.readIntLE(at, 3);
  return (at) => data.readInt32LE(at);
}

/** Byte offset of the data chunk's samples (the header check has validated the layout). */
function dataChunkStart(data: Buffer): number {
  for (let offset = 12; offset + 8 <= data.length;) {
    const size = data.readUInt32LE(offset + 4);
    if (data.toString('latin1', offset, offset + 4) === 'data') return offset + 8;
    offset += 8 + size + (size % 2);
  }
  throw new AudioDecodeError('WAV has no data chunk');
}
