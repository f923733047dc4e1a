import { durationMs, type AudioHeaderResult } from './audio-format';

// Hand-written: `wavefile` decodes every sample and throws generic errors; we only need the
// chunk layout, and to say exactly which chunk a truncated file cuts short.

const PCM = 1;
const EXTENSIBLE = 0xfffe;

interface FmtChunk {
  formatTag: number;
  channels: number;
  sampleRate: number;
  byteRate: number;
  blockAlign: number;
  bitsPerSample: number;
}

/** Reads a RIFF/WAVE file's fmt and data chunks and checks every declared size against the file. */
export function parseWavHeader(data: Buffer): AudioHeaderResult {
  const fail = (reason: string): AudioHeaderResult => ({ ok: false, reason });
  if (data.length < 12) return fail(`is ${data.length} bytes, too short to be a WAV file`);
  const riff = data.toString('latin1', 0, 4);
  if (riff === 'RIFX' || riff === 'RF64')
    return fail(`is a ${riff} WAV file; only little-endian RIFF is supported`);
  if (riff !== 'RIFF' || data.toString('latin1', 8, 12) !== 'WAVE') {
    return fail('is not a WAV file: no RIFF/WAVE header');
  }
  const riffEnd = 8 + data.readUInt32LE(4);
  if (riffEnd > data.length) {
    return fail(
      `is truncated: the RIFF header declares ${riffEnd} bytes but the file has ${data.length}`,
    );
  }
  if (riffEnd < data.length) {
    return fail(
      `has ${data.length - riffEnd} bytes after the end of the RIFF chunk (${riffEnd} bytes declared)`,
    );
  }
  let fmt: FmtChunk | undefined;
  let dataBytes: number | undefined;
  for (let offset = 12; offset < riffEnd;) {
    if (offset + 8 > riffEnd)
      return fail(`is truncated: a chunk header at byte ${offset} is cut short`);
    const id = data.toString('latin1', offset, offset + 4);
    const size = data.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (body + size > riffEnd) {
      return fail(
        `is truncated: the "${id.trim()}" chunk declares ${size} bytes but only ${riffEnd - body} remain`,
      );
    }
    if (id === 'fmt ') {
      if (size < 16) return fail(`has a fmt chunk of ${size} bytes; at least 16 are needed`);
      fmt = readFmt(data, body, size);
    } else if (id === 'data') {
      if (!fmt) return fail('has its data chunk before the fmt chunk');
      dataBytes = size;
    }
    offset = body + size + (size % 2); // chunks are padded to an even length
  }
  if (!fmt) return fail('has no fmt chunk');
  if (dataBytes === undefined) return fail('has no data chunk');
  if (fmt.formatTag !== PCM) return fail(`is not PCM (format tag ${fmt.formatTag})`);
  const { channels, sampleRate, bitsPerSample, blockAlign, byteRate } = fmt;
  if (channels === 0 || sampleRate === 0 || bitsPerSample === 0) {
    return fail('has a fmt chunk with zero channels, sample rate or bits per sample');
  }
  if (
    blockAlign !== channels * Math.ceil(bitsPerSample / 8) ||
    byteRate !== sampleRate * blockAlign
  ) {
    return fail(`has an inconsistent fmt chunk (block align ${blockAlign}, byte rate ${byteRate})`);
  }
  if (dataBytes === 0) return fail('has no audio samples (empty data chunk)');
  if (dataBytes % blockAlign !== 0) {
    return fail(
      `has a data chunk of ${dataBytes} bytes, not a whole number of ${blockAlign}-byte frames`,
    );
  }
  const frames = dataBytes / blockAlign;
  return {
    ok: true,
    format: {
      container: 'wav',
      sampleRate,
      channels,
      bitsPerSample,
      frames,
      durationMs: durationMs(frames, sampleRate),
    },
  };
}

function readFmt(data: Buffer, body: number, size: number): FmtChunk {
  let formatTag = data.readUInt16LE(body);
  // WAVE_FORMAT_EXTENSIBLE keeps the real format tag in the first two bytes of its sub-format GUID.
  if (formatTag === EXTENSIBLE && size >= 40) formatTag = data.readUInt16LE(body + 24);
  return {
    formatTag,
    channels: data.readUInt16LE(body + 2),
    sampleRate: data.readUInt32LE(body + 4),
    byteRate: data.readUInt32LE(body + 8),
    blockAlign: data.readUInt16LE(body + 12),
    bitsPerSample: data.readUInt16LE(body + 14),
  };
}
