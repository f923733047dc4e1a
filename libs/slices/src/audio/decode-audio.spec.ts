import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { makeFlac } from '../testing/flac-writer';
import { makeWav, toneSamples } from '../testing/wav-writer';
import { decodeAudio } from './decode-audio';
import { decodeFlac } from './decode-flac';
import { decodeWav } from './decode-wav';

const LIBRIVOX =
  '/usr/share/pocketsphinx/test/data/librivox/sense_and_sensibility_01_austen_64kb-0870.wav';

function hasSox(): boolean {
  try {
    execFileSync('sox', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('decodeWav and decodeFlac on generated files', () => {
  it('decode the integer samples the writers put in, scaled to ±1', () => {
    const { samples } = toneSamples({ durationMs: 100 });
    const expected = Float32Array.from(samples, (s) => s / 32768);
    assert.deepEqual(decodeWav(makeWav({ durationMs: 100 })).samples, expected);
    assert.deepEqual(decodeFlac(makeFlac({ durationMs: 100, blockSize: 192 })).samples, expected);
  });

  it('average channels and read 8-bit WAV as unsigned', () => {
    const stereo = decodeWav(makeWav({ channels: 2, durationMs: 10 }));
    assert.deepEqual(stereo.samples, decodeWav(makeWav({ durationMs: 10 })).samples);
    const eight = decodeWav(makeWav({ bitsPerSample: 8, durationMs: 10 }));
    assert.equal(
      eight.samples[4],
      toneSamples({ bitsPerSample: 8, durationMs: 10 }).samples[4] / 128,
    );
  });

  it('refuse what the header check refuses and a frame whose CRC-16 fails', () => {
    assert.throws(() => decodeWav(Buffer.from('RIFF')), /WAV is 4 bytes/);
    const flac = makeFlac({ durationMs: 100, blockSize: 192 });
    flac[60] ^= 0x01; // a sample byte of the first frame
    assert.throws(() => decodeFlac(flac), /frame at byte 42 fails its CRC-16/);
    assert.throws(() => decodeAudio(Buffer.from('OggS....')), /neither WAV/);
  });
});

describe(
  'decodeFlac on files encoded by sox (libFLAC)',
  { skip: hasSox() ? false : 'needs sox' },
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'decode-flac-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    const path = (name: string) => join(dir, name);
    const sox = (...args: string[]) => execFileSync('sox', ['-R', ...args]);
    const same = (flac: string, wav: string) =>
      assert.deepEqual(
        decodeFlac(readFileSync(path(flac))).samples,
        decodeWav(readFileSync(wav)).samples,
      );

    it(
      'gives back every sample of speech at compression levels 0, 5 and 8 (fixed and LPC)',
      {
        skip: existsSync(LIBRIVOX) ? false : 'needs pocketsphinx-testdata',
      },
      () => {
        for (const level of ['0', '5', '8']) {
          sox(LIBRIVOX, '-C', level, path(`speech${level}.flac`));
          same(`speech${level}.flac`, LIBRIVOX);
        }
      },
    );

    it('decodes 24-bit stereo (mid/side), 8-bit noise and digital silence losslessly', () => {
      sox(
        '-n',
        '-r',
        '44100',
        '-c',
        '2',
        '-b',
        '24',
        path('st.wav'),
        'synth',
        '1.3',
        'pinknoise',
        'synth',
        '1.3',
        'sine',
        'mix',
        '300',
        'gain',
        '-3',
      );
      sox(
        '-n',
        '-r',
        '8000',
        '-c',
        '1',
        '-b',
        '8',
        path('e.wav'),
        'synth',
        '0.7',
        'whitenoise',
        'gain',
        '-10',
      );
      sox('-n', '-r', '16000', '-c', '1', '-b', '16', path('z.wav'), 'trim', '0', '0.5');
      for (const name of ['st', 'e', 'z']) {
        sox(path(`${name}.wav`), '-C', '8', path(`${name}.flac`));
        same(`${name}.flac`, path(`${name}.wav`));
      }
      const stereo = decodeFlac(readFileSync(path('st.flac')));
      assert.deepEqual(
        [stereo.channels, stereo.bitsPerSample, stereo.samples.length],
        [2, 24, 57330],
      );
    });

    it('reads WAV samples as sox converts them to floats', () => {
      sox(path('e.wav'), '-e', 'floating-point', '-b', '32', '-t', 'raw', path('e.f32'));
      const raw = readFileSync(path('e.f32'));
      const reference = new Float32Array(raw.buffer, raw.byteOffset, raw.length / 4);
      assert.deepEqual(
        decodeWav(readFileSync(path('e.wav'))).samples,
        Float32Array.from(reference),
      );
    });
  },
);
