import { durationMs, type AudioHeaderResult } from './audio-format';
import { flacCrc16 } from './flac-crc';
import { readFlacFrameHeader } from './flac-frame-header';

// Hand-written: the maintained parsers (music-metadata) are ESM-only and far larger than the
// STREAMINFO read and last-frame check needed here.

const STREAMINFO = 0;
const INVALID_BLOCK = 127;

interface StreamInfo {
  maxBlockSize: number;
  maxFrameSize: number;
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  totalSamples: number;
}

/**
 * Reads fLaC + STREAMINFO, walks the metadata blocks, and checks that the audio frames run to the
 * end: the last frame must pass its CRC-16 and end at the sample count STREAMINFO declares, which
 * is how a truncated file shows itself without decoding every frame.
 */
export function parseFlacHeader(data: Buffer): AudioHeaderResult {
  const fail = (reason: string): AudioHeaderResult => ({ ok: false, reason });
  if (data.length < 4 || data.toString('latin1', 0, 4) !== 'fLaC') {
    return fail('is not a FLAC file: no fLaC marker');
  }
  let info: StreamInfo | undefined;
  let offset = 4;
  for (let index = 0, last = false; !last; index += 1) {
    if (offset + 4 > data.length) return fail(`is truncated in metadata block ${index} header`);
    last = (data[offset] & 0x80) !== 0;
    const type = data[offset] & 0x7f;
    const length = data.readUIntBE(offset + 1, 3);
    const body = offset + 4;
    if (body + length > data.length) {
      return fail(
        `is truncated: metadata block ${index} declares ${length} bytes but only ${data.length - body} remain`,
      );
    }
    if (index === 0 && (type !== STREAMINFO || length !== 34))
      return fail('does not start with a STREAMINFO block');
    if (index > 0 && type === STREAMINFO) return fail('has a second STREAMINFO block');
    if (type === INVALID_BLOCK) return fail(`has an invalid metadata block type at block ${index}`);
    if (index === 0) info = readStreamInfo(data, body);
    offset = body + length;
  }
  const { sampleRate, channels, bitsPerSample, totalSamples } = info!;
  if (sampleRate === 0) return fail('has a STREAMINFO sample rate of 0');
  if (totalSamples === 0)
    return fail('does not declare its number of samples in STREAMINFO, so its duration is unknown');
  if (offset >= data.length) return fail('is truncated: it has no audio frames after the metadata');
  if (!readFlacFrameHeader(data, offset))
    return fail(`has no valid audio frame header at byte ${offset}`);
  const ending = checkLastFrame(data, offset, info!);
  if (ending) return fail(ending);
  return {
    ok: true,
    format: {
      container: 'flac',
      sampleRate,
      channels,
      bitsPerSample,
      frames: totalSamples,
      durationMs: durationMs(totalSamples, sampleRate),
    },
  };
}

function readStreamInfo(data: Buffer, at: number): StreamInfo {
  const b = (i: number) => data[at + i];
  return {
    maxBlockSize: data.readUInt16BE(at + 2),
    maxFrameSize: data.readUIntBE(at + 7, 3),
    sampleRate: (b(10) << 12) | (b(11) << 4) | (b(12) >> 4),
    channels: ((b(12) >> 1) & 0x07) + 1,
    bitsPerSample: (((b(12) & 1) << 4) | (b(13) >> 4)) + 1,
    totalSamples: (b(13) & 0x0f) * 2 ** 32 + data.readUInt32BE(at + 14),
  };
}

/** Why the frames do not end cleanly at the declared sample count, or undefined when they do. */
function checkLastFrame(data: Buffer, audioStart: number, info: StreamInfo): string | undefined {
  // A frame can be no longer than maxFrameSize when known; else search the last 1 MiB.
  const window = info.maxFrameSize > 0 ? info.maxFrameSize : 1 << 20;
  const stop = Math.max(audioStart, data.length - window);
  const storedCrc = data.length >= 2 ? data.readUInt16BE(data.length - 2) : -1;
  for (let at = data.length - 6; at >= stop; at -= 1) {
    if (data[at] !== 0xff) continue;
    const header = readFlacFrameHeader(data, at);
    if (!header || flacCrc16(data, at, data.length - 2) !== storedCrc) continue;
    const first = header.variableBlockSize ? header.number : header.number * info.maxBlockSize;
    const end = first + header.blockSize;
    if (end < info.totalSamples) {
      return `is truncated: its audio frames end at sample ${end} of the ${info.totalSamples} STREAMINFO declares`;
    }
    if (end > info.totalSamples) {
      return `has frames up to sample ${end} but STREAMINFO declares ${info.totalSamples}`;
    }
    return undefined;
  }
  return 'is truncated or corrupt: its last audio frame is incomplete (no frame ends with a valid CRC-16 at the end of the file)';
}
