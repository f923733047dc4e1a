import { bad, type BadUpload } from './bad-upload';
import { makeFlac } from './flac-writer';
import { audioZip, twoClips } from './upload-fixtures';
import { makeWav } from './wav-writer';

/** A zip whose manifest names one clip, audio/clip1.<ext>, holding the given bytes. */
function oneClip(data: Buffer, ext = 'wav'): Buffer {
  const [row] = twoClips().rows;
  return audioZip([{ ...row, audio: `audio/clip1.${ext}` }], { [`audio/clip1.${ext}`]: data });
}

/** Audio that lies about itself, is cut short, or is in a format not accepted. */
export function badAudioUploads(): BadUpload[] {
  const wav = makeWav({ durationMs: 500 });
  const flac = makeFlac({ durationMs: 500 });
  const dataChunkCut = Buffer.from(wav.subarray(0, wav.length - 1000));
  dataChunkCut.writeUInt32LE(dataChunkCut.length - 8, 4); // RIFF size fixed up: only the data chunk is short
  const floatWav = makeWav({ bitsPerSample: 32, formatTag: 3 });
  const unknownLength = makeFlac({ durationMs: 500, declaredSamples: 0 });
  // 500 ms at 16 kHz in 1152-sample frames: 6 whole frames + a 1088-sample seventh;
  // keep fLaC (4) + STREAMINFO (4 + 34) + 6 frames of 8 + 1 + 2304 + 2 bytes.
  const lastFrameDropped = flac.subarray(0, 4 + 38 + 6 * 2315);
  const field = /^audio\/clip1\.(wav|flac)$/;
  return [
    bad(
      'WAV cut short (RIFF size says more)',
      'a.zip',
      oneClip(wav.subarray(0, wav.length - 1000)),
      field,
      /is truncated: the RIFF header declares \d+ bytes but the file has \d+/,
    ),
    bad(
      'WAV whose data chunk is cut short',
      'a.zip',
      oneClip(dataChunkCut),
      field,
      /is truncated: the "data" chunk declares 16000 bytes but only 15000 remain/,
    ),
    bad(
      'text named .wav',
      'a.zip',
      oneClip(Buffer.from('this is not audio at all')),
      field,
      /not a WAV file: no RIFF\/WAVE header/,
    ),
    bad(
      'WAV header and nothing else',
      'a.zip',
      oneClip(wav.subarray(0, 10)),
      field,
      /too short to be a WAV file/,
    ),
    bad(
      'stereo WAV',
      'a.zip',
      oneClip(makeWav({ channels: 2 })),
      field,
      /has 2 channels; accepted: 1/,
    ),
    bad(
      '24-bit WAV',
      'a.zip',
      oneClip(makeWav({ bitsPerSample: 24 })),
      field,
      /has 24 bits per sample; accepted: 16/,
    ),
    bad(
      '96 kHz WAV',
      'a.zip',
      oneClip(makeWav({ sampleRate: 96_000, durationMs: 100 })),
      field,
      /sample rate of 96000 Hz; accepted: 8000–48000 Hz/,
    ),
    bad(
      '4 kHz WAV',
      'a.zip',
      oneClip(makeWav({ sampleRate: 4000 })),
      field,
      /sample rate of 4000 Hz/,
    ),
    bad('float WAV', 'a.zip', oneClip(floatWav), field, /is not PCM \(format tag 3\)/),
    bad(
      'WAV longer than maxAudioSeconds',
      'a.zip',
      oneClip(makeWav({ sampleRate: 8000, durationMs: 11_000 })),
      field,
      /is 11\.000 s long; the limit is 10 s/,
      { needsCorpusLimits: true },
    ),
    bad(
      'FLAC bytes named .wav',
      'a.zip',
      oneClip(flac),
      field,
      /is named \.wav but holds FLAC audio/,
    ),
    bad(
      'FLAC cut inside its last frame',
      'a.zip',
      oneClip(flac.subarray(0, flac.length - 300), 'flac'),
      field,
      /last audio frame is incomplete/,
    ),
    bad(
      'FLAC missing its last frame',
      'a.zip',
      oneClip(lastFrameDropped, 'flac'),
      field,
      /frames end at sample 6912 of the 8000/,
    ),
    bad(
      'FLAC marker and nothing else',
      'a.zip',
      oneClip(Buffer.from('fLaC'), 'flac'),
      field,
      /truncated in metadata block 0/,
    ),
    bad(
      'FLAC without a sample count',
      'a.zip',
      oneClip(unknownLength, 'flac'),
      field,
      /does not declare its number of samples/,
    ),
    bad(
      'stereo FLAC',
      'a.zip',
      oneClip(makeFlac({ channels: 2 }), 'flac'),
      field,
      /has 2 channels/,
    ),
  ];
}
